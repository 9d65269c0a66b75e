-- 分类施保 age cut-offs and the 特困 in-school extension become local settings of each standard
-- version (issue 14). National defaults: elderly from 60, minor under 18, in school until under 25.
alter table subsidy_standard
    add column topup_elderly_age smallint not null default 60 check (topup_elderly_age between 50 and 80),
    add column topup_minor_age   smallint not null default 18 check (topup_minor_age between 14 and 18),
    add column tekun_school_age  smallint not null default 25 check (tekun_school_age between 18 and 30);

-- The month facts are independent of any standard version (ADR 0010). Their c1..c15 counts use the
-- national ages; a version with other ages reads the counted members' birth dates and disability /
-- illness bits (4 severely disabled, 8 seriously ill) instead, in the same order.
alter table household_month_fact
    add column births date[],
    add column groups smallint[];

-- facts built before this column existed lack the arrays: rebuild every set on its next simulation
delete from household_month_fact;
delete from household_month_fact_set;
