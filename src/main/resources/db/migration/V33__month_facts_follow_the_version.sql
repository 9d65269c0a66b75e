-- The month facts' income now depends on the standard version in force for the household (ADR 0020, amending
-- ADR 0010): the average over the version's 收入计算期 (income_reference_months) and its 低保 exclusions
-- (standard_income_exclusion, ADR 0021). A write to a version or to its exclusions drops the built fact sets of
-- the version's county from the version's month on (as it was and as it is), so the next simulation of such a
-- month rebuilds them with the settings then in force. Versions change rarely; a rebuild is one pass.

-- versions: the rows written (insert, update) or removed (update, delete)
create function drop_fact_sets_standard_new() returns trigger language plpgsql as
$$
begin
    delete from household_month_fact_set fs using new_rows c
    where fs.county_code = left(c.area_code, 6) || '000000' and fs.month >= c.effective_from;
    return null;
end
$$;

create function drop_fact_sets_standard_old() returns trigger language plpgsql as
$$
begin
    delete from household_month_fact_set fs using old_rows c
    where fs.county_code = left(c.area_code, 6) || '000000' and fs.month >= c.effective_from;
    return null;
end
$$;

create trigger subsidy_standard_facts_ins after insert on subsidy_standard referencing new table as new_rows
    for each statement execute function drop_fact_sets_standard_new();
create trigger subsidy_standard_facts_upd_new after update on subsidy_standard referencing new table as new_rows
    for each statement execute function drop_fact_sets_standard_new();
create trigger subsidy_standard_facts_upd_old after update on subsidy_standard referencing old table as old_rows
    for each statement execute function drop_fact_sets_standard_old();
create trigger subsidy_standard_facts_del after delete on subsidy_standard referencing old table as old_rows
    for each statement execute function drop_fact_sets_standard_old();

-- a version's exclusions (its rows are deleted with it: then the version's own trigger has dropped the sets)
create function drop_fact_sets_exclusion_new() returns trigger language plpgsql as
$$
begin
    delete from household_month_fact_set fs using new_rows x join subsidy_standard c on c.id = x.standard_id
    where fs.county_code = left(c.area_code, 6) || '000000' and fs.month >= c.effective_from;
    return null;
end
$$;

create function drop_fact_sets_exclusion_old() returns trigger language plpgsql as
$$
begin
    delete from household_month_fact_set fs using old_rows x join subsidy_standard c on c.id = x.standard_id
    where fs.county_code = left(c.area_code, 6) || '000000' and fs.month >= c.effective_from;
    return null;
end
$$;

create trigger standard_income_exclusion_facts_ins after insert on standard_income_exclusion
    referencing new table as new_rows for each statement execute function drop_fact_sets_exclusion_new();
create trigger standard_income_exclusion_facts_upd after update on standard_income_exclusion
    referencing new table as new_rows for each statement execute function drop_fact_sets_exclusion_new();
create trigger standard_income_exclusion_facts_del after delete on standard_income_exclusion
    referencing old table as old_rows for each statement execute function drop_fact_sets_exclusion_old();

-- the facts built so far averaged nothing: rebuild on first use
delete from household_month_fact;
delete from household_month_fact_set;
