-- 特困 condition 3 (D3 第七条, ADR 0025): the caseworker records an obligor's facts and the engine decides
-- whether he can support; able_to_support becomes the caseworker's override, which needs a reason.
alter table obligor
    add column birth_date date,
    add column monthly_income numeric(12, 2) check (monthly_income >= 0),
    add column disability_category smallint check (disability_category between 1 and 7),
    add column disability_grade smallint check (disability_grade between 1 and 4),
    add column status varchar(20) not null default 'NONE'
        check (status in ('NONE', 'TEKUN', 'DIBAO', 'INCAPACITATED', 'MISSING', 'SERVING_SENTENCE')),
    add column property_within_limits boolean,
    add column override_reason varchar(200),
    add constraint obligor_disability_pair check ((disability_category is null) = (disability_grade is null));

-- a YES / NO recorded before the engine decided was the caseworker's judgement: it stays, as an override
update obligor set override_reason = '按第七条核定前登记的履行能力判断' where able_to_support <> 'UNKNOWN';

alter table obligor add constraint obligor_override_reason
    check (able_to_support = 'UNKNOWN' or override_reason is not null);
