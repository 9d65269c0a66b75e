-- 单人保 alone (阜新 mode, ADR 0018) and the property rules beyond the 低保 limits (ADR 0019).
-- Owned by the standard feature (subsidy_standard) and the household feature (asset_item); the month facts
-- (ADR 0010) carry what the simulator needs of the new rules.

-- 单人保: the alone mode and the groups that may apply alone (the national D2 groups by default)
alter table subsidy_standard
    add column single_alone            boolean  not null default false,
    add column single_adult_age        smallint not null default 18 check (single_adult_age between 14 and 25),
    add column single_illness          boolean  not null default true,  -- 重特大疾病 qualify
    add column single_disability_grade smallint not null default 2 check (single_disability_grade between 0 and 4),
    add column single_mental_grade     smallint not null default 3 check (single_mental_grade between 0 and 4);

-- 低保 property rules of their own; null: no such rule
alter table subsidy_standard
    add column max_other_assets    numeric(14, 2) check (max_other_assets >= 0),
    add column recent_home_years   smallint check (recent_home_years between 1 and 30),
    add column max_non_residential smallint check (max_non_residential between 0 and 99);

-- assets: when a home was bought, and non-residential property as a kind of its own
alter table asset_item add column acquired_on date;
alter table asset_item drop constraint asset_item_type_check;
alter table asset_item add constraint asset_item_type_check check (type in
    ('DEPOSIT', 'SECURITIES', 'INSURANCE', 'VEHICLE', 'REAL_ESTATE', 'BUSINESS_CAPITAL', 'OTHER', 'NON_RESIDENTIAL'));

-- month facts: other assets (micro-yuan), non-residential properties, the latest purchase of a home
alter table household_month_fact add column other_value bigint not null default 0;
alter table household_month_fact add column non_residential integer not null default 0;
alter table household_month_fact add column latest_home date;

-- facts built before this migration lack them: rebuild every set on its next use
delete from household_month_fact;
delete from household_month_fact_set;
