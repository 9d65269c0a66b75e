-- Property limits per programme (ADR 0019): a version may set 特困, 低保边缘, 刚性支出 and 单人保 limits
-- of their own, one row each; a programme without a row follows the version's 低保 limits (the columns of
-- subsidy_standard). 单人保's limits apply to the person's own assets, as a household of one. Owned by
-- the standard feature.
create table standard_property (
    standard_id               bigint         not null references subsidy_standard (id) on delete cascade,
    programme                 varchar(20)    not null
        check (programme in ('TEKUN', 'DIBAO_EDGE', 'RIGID_EXPENDITURE', 'DIBAO_SINGLE')),
    money_assets_multiple     numeric(5, 2)  not null check (money_assets_multiple >= 0),
    max_vehicles              smallint       not null check (max_vehicles between 0 and 99),
    max_vehicle_value         numeric(12, 2) check (max_vehicle_value >= 0),
    max_homes                 smallint       not null check (max_homes between 0 and 99),
    max_floor_area_per_person numeric(8, 2)  check (max_floor_area_per_person >= 0),
    max_business_capital      numeric(14, 2) not null check (max_business_capital >= 0),
    max_other_assets          numeric(14, 2) check (max_other_assets >= 0),
    recent_home_years         smallint       check (recent_home_years between 1 and 30),
    max_non_residential       smallint       check (max_non_residential between 0 and 99),
    primary key (standard_id, programme)
);
