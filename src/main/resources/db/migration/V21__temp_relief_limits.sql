-- 临时救助 (ADR 0024): how many grants a household may get in a calendar year (domain-rules §5.4: once a
-- year in principle), and on a case the most its township may decide alone, fixed at the 初审.
alter table subsidy_standard add column temp_relief_times_per_year smallint not null default 1
    check (temp_relief_times_per_year between 1 and 12);

-- 临时救助: k × standard × members of the 初审's check; null: no amount limit (the other programmes)
alter table application add column township_limit numeric(12, 2) check (township_limit >= 0);

