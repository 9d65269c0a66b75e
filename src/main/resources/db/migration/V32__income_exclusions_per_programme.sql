-- Income exclusions per programme with an end date (ADR 0021). The caseworker records what an income item is
-- (income_item.exclusion_reason, its exclusion category); the standard version says, per category, whether it
-- is left out of 低保 income (D2 第十三条; 边缘, 刚性支出 and 单人保 follow 低保) and of 特困's own income (D3 第六条),
-- each until an optional end date (inclusive). Owned by the standard feature.
create table standard_income_exclusion (
    standard_id bigint      not null references subsidy_standard (id) on delete cascade,
    category    varchar(30) not null
        check (category in ('PREFERENTIAL_PENSION', 'FAMILY_PLANNING_REWARD', 'SCHOLARSHIP', 'HEROIC_AWARD',
                            'ASSISTANCE_BENEFIT', 'BASIC_PENSION', 'ELDERLY_ALLOWANCE', 'SOCIAL_INSURANCE',
                            'LOCAL_RULE')),
    dibao       boolean     not null, -- left out of 低保 income
    dibao_until date,                 -- until this day inclusive; null: no end
    tekun       boolean     not null, -- left out of 特困's own income
    tekun_until date,
    primary key (standard_id, category),
    constraint standard_income_exclusion_dibao_until check (dibao or dibao_until is null),
    constraint standard_income_exclusion_tekun_until check (tekun or tekun_until is null)
);

-- 基本医疗保险等社会保险待遇 becomes a category of its own (D3 leaves it out of 特困 income).
alter table income_item drop constraint income_item_exclusion_reason_check;
alter table income_item add constraint income_item_exclusion_reason_check check (exclusion_reason in (
    'PREFERENTIAL_PENSION', 'FAMILY_PLANNING_REWARD', 'SCHOLARSHIP', 'HEROIC_AWARD', 'ASSISTANCE_BENEFIT',
    'BASIC_PENSION', 'ELDERLY_ALLOWANCE', 'SOCIAL_INSURANCE', 'LOCAL_RULE'));

-- The national sets (domain-rules §4.3; cn.dibao.engine.IncomeRules.NATIONAL, a test compares them): D2 leaves
-- out 优待抚恤金, 计划生育奖励, 奖学金, 见义勇为奖励, the government's assistance and the 基础养老金 during the 十四五
-- period (to 2025-12-31); D3 leaves out of 特困 income the 基础养老金, social insurance, 优待抚恤金 and 高龄津贴;
-- what the city rules (LOCAL_RULE) is left out of both.
create function standard_income_exclusion_national()
    returns table (category varchar, dibao boolean, dibao_until date, tekun boolean, tekun_until date)
    language sql immutable as
$$
values ('PREFERENTIAL_PENSION'::varchar, true, null::date, true, null::date),
       ('FAMILY_PLANNING_REWARD', true, null, false, null),
       ('SCHOLARSHIP', true, null, false, null),
       ('HEROIC_AWARD', true, null, false, null),
       ('ASSISTANCE_BENEFIT', true, null, false, null),
       ('BASIC_PENSION', true, date '2025-12-31', true, null),
       ('ELDERLY_ALLOWANCE', false, null, true, null),
       ('SOCIAL_INSURANCE', false, null, true, null),
       ('LOCAL_RULE', true, null, true, null)
$$;

-- Existing versions get the national sets: until now an item with a category was left out of every programme
-- for ever, which the law never said; a stored check keeps its stored result (ADR 0021 lists what changes on
-- a new check: 高龄津贴 counts for 低保, the 基础养老金 for 低保 months from 2026-01 unless a version extends it).
insert into standard_income_exclusion (standard_id, category, dibao, dibao_until, tekun, tekun_until)
select s.id, n.category, n.dibao, n.dibao_until, n.tekun, n.tekun_until
from subsidy_standard s cross join standard_income_exclusion_national() n;

-- A version inserted without its rows (by SQL: the demo seed, tests) gets the national sets when its transaction
-- commits; the app inserts all rows itself, so nothing is added then.
create function standard_income_exclusion_defaults() returns trigger
    language plpgsql as
$$
begin
    insert into standard_income_exclusion (standard_id, category, dibao, dibao_until, tekun, tekun_until)
    select new.id, n.category, n.dibao, n.dibao_until, n.tekun, n.tekun_until
    from standard_income_exclusion_national() n
    where exists (select 1 from subsidy_standard s where s.id = new.id)
    on conflict (standard_id, category) do nothing;
    return null;
end
$$;

create constraint trigger subsidy_standard_income_exclusion_defaults
    after insert on subsidy_standard
    deferrable initially deferred
    for each row execute function standard_income_exclusion_defaults();
