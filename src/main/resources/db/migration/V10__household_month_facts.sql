-- Per-household facts as of a month (counted members by 分类施保 group, counted income,
-- deductions, property), independent of any standard version. The standard simulator reads
-- them instead of re-aggregating millions of member and income rows on every "what if"
-- (ADR 0010). A fact set (county, month) is built set-based once; afterwards only households
-- marked dirty are recomputed. Statement-level triggers on every table the facts read mark the
-- households a write touches, in the writing transaction, whatever wrote it (service, import, SQL).

create table household_month_fact_set (
    county_code  varchar(12) not null,
    month        date        not null check (extract(day from month) = 1),
    built_at     timestamptz not null,
    refreshed_at timestamptz not null,
    primary key (county_code, month)
);

create table household_month_fact (
    month          date        not null,
    household_id   bigint      not null,
    county_code    varchar(12) not null,
    township_code  varchar(12) not null,
    hukou_type     varchar(5)  not null,
    n              smallint    not null, -- counted members on the first day of the month
    -- counted members per combination of 分类施保 groups (bit 1 elderly, 2 minor, 4 severely disabled, 8 seriously ill)
    c1 smallint not null, c2 smallint not null, c3 smallint not null, c4 smallint not null, c5 smallint not null,
    c6 smallint not null, c7 smallint not null, c8 smallint not null, c9 smallint not null, c10 smallint not null,
    c11 smallint not null, c12 smallint not null, c13 smallint not null, c14 smallint not null, c15 smallint not null,
    -- money in micro-yuan (yuan × 1,000,000), exact like the engine's arithmetic
    gross          bigint   not null, -- counted, not excluded income of the month
    wages          bigint[],          -- WAGE income per counted member (就业成本 deduction)
    d_emp          bigint   not null,
    d_med          bigint   not null,
    d_edu          bigint   not null,
    d_reh          bigint   not null,
    d_rent         bigint   not null,
    money          bigint   not null,
    vehicles       integer  not null,
    vehicle_value  bigint   not null,
    homes          integer  not null,
    floor_area     numeric(12, 2) not null,
    capital        bigint   not null,
    primary key (month, household_id)
);
create index household_month_fact_county_idx on household_month_fact (county_code, month);

create table household_fact_dirty (
    household_id bigint      not null,
    marked_at    timestamptz not null default now()
);

create function mark_facts_dirty_new() returns trigger language plpgsql as
$$
begin
    insert into household_fact_dirty (household_id) select distinct household_id from new_rows;
    return null;
end
$$;

create function mark_facts_dirty_old() returns trigger language plpgsql as
$$
begin
    insert into household_fact_dirty (household_id) select distinct household_id from old_rows;
    return null;
end
$$;

create function mark_facts_dirty_both() returns trigger language plpgsql as
$$
begin
    insert into household_fact_dirty (household_id)
    select household_id from new_rows union select household_id from old_rows;
    return null;
end
$$;

do
$$
declare
    t text;
begin
    foreach t in array array['household_member', 'income_item', 'deduction_item', 'asset_item'] loop
        execute format('create trigger %1$s_facts_ins after insert on %1$s referencing new table as new_rows
                        for each statement execute function mark_facts_dirty_new()', t);
        execute format('create trigger %1$s_facts_upd after update on %1$s referencing new table as new_rows
                        old table as old_rows for each statement execute function mark_facts_dirty_both()', t);
        execute format('create trigger %1$s_facts_del after delete on %1$s referencing old table as old_rows
                        for each statement execute function mark_facts_dirty_old()', t);
    end loop;
end
$$;

-- household: its own id; person: the households it is or was a member of.
create function mark_facts_dirty_household() returns trigger language plpgsql as
$$
begin
    insert into household_fact_dirty (household_id) select distinct id from new_rows;
    return null;
end
$$;

create trigger household_facts_ins after insert on household referencing new table as new_rows
    for each statement execute function mark_facts_dirty_household();
create trigger household_facts_upd after update on household referencing new table as new_rows
    for each statement execute function mark_facts_dirty_household();

create function mark_facts_dirty_person() returns trigger language plpgsql as
$$
begin
    insert into household_fact_dirty (household_id)
    select distinct m.household_id from new_rows p join household_member m on m.person_id = p.id;
    return null;
end
$$;

create trigger person_facts_upd after update on person referencing new table as new_rows
    for each statement execute function mark_facts_dirty_person();

