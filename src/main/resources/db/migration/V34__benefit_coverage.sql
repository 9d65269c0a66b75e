-- Issue 15 (ADR 0026): who a benefit covers, one benefit per person and programme family, and the
-- 公示 of the persons covered.
--
-- btree_gist lets an exclusion constraint compare ids with = next to month ranges with &&. It is a
-- trusted extension (PostgreSQL 13+): the owner of the database may create it without superuser.
create extension if not exists btree_gist;

-- An approval of 特困 opens one benefit per 特困 person (each with its own care tier and basis), so an
-- application may now have several benefits: one per payee.
alter table benefit drop constraint benefit_application_id_key;
create unique index benefit_application_payee_uk on benefit (application_id, payee_person_id);
create index benefit_application_idx on benefit (application_id);

-- The months a benefit is in force: from its start month to the month after its end month (open when
-- it has no end). A benefit stopped before its start has an empty range and collides with nothing.
create function benefit_months(start_month date, end_month date) returns daterange
    language sql immutable parallel safe
    return daterange(start_month, (end_month + interval '1 month')::date);

-- 低保 (of the household), 低保边缘 and 刚性支出 are household programmes: a household has at most one of
-- them in any month (D11: 刚性支出 is for households that are neither 低保 nor 边缘; 边缘 is not 低保).
alter table benefit add constraint benefit_one_household_programme exclude using gist (
    household_id with =, benefit_months(start_month, end_month) with &&)
    where (category in ('DIBAO', 'DIBAO_EDGE', 'RIGID_EXPENDITURE') and not one_off);

-- The persons a benefit covers, for the months it is in force. `cash`: a living benefit (低保, 单人保,
-- 特困); a person is covered by at most one of them in a month, whatever writes the rows.
create table benefit_person (
    benefit_id  bigint    not null references benefit (id),
    person_id   bigint    not null references person (id),
    cash        boolean   not null,
    months      daterange not null,
    primary key (benefit_id, person_id),
    constraint benefit_person_once exclude using gist (person_id with =, months with &&) where (cash)
);
create index benefit_person_person_idx on benefit_person (person_id);

-- The covered months follow the benefit's own (a stop, a transfer, a 渐退期 end it).
create function benefit_person_follow() returns trigger language plpgsql as
$$
begin
    update benefit_person set months = benefit_months(new.start_month, new.end_month) where benefit_id = new.id;
    return null;
end
$$;
create trigger benefit_person_follow after update of start_month, end_month on benefit
    for each row when (old.start_month is distinct from new.start_month or old.end_month is distinct from new.end_month)
    execute function benefit_person_follow();

-- Benefits that exist already: 低保 covers the household's current members (the payee at least),
-- 单人保 and 特困 their payee. An overlap that already exists stops the migration with the benefits it
-- concerns: two living benefits for one person cannot be resolved by a migration, only by a decision.
do
$$
declare
    clash text;
begin
    select string_agg(format('household %s: benefits %s and %s', a.household_id, a.id, b.id), '; ') into clash
    from benefit a join benefit b on a.household_id = b.household_id and a.id < b.id
    where a.category in ('DIBAO', 'DIBAO_EDGE', 'RIGID_EXPENDITURE') and not a.one_off
      and b.category in ('DIBAO', 'DIBAO_EDGE', 'RIGID_EXPENDITURE') and not b.one_off
      and benefit_months(a.start_month, a.end_month) && benefit_months(b.start_month, b.end_month);
    if clash is not null then
        raise exception 'V34: households with two household benefits at once, decide them first: %', clash;
    end if;
end
$$;

insert into benefit_person (benefit_id, person_id, cash, months)
select b.id, b.payee_person_id, b.category in ('DIBAO', 'DIBAO_SINGLE', 'TEKUN'), benefit_months(b.start_month, b.end_month)
from benefit b
where not b.one_off;

insert into benefit_person (benefit_id, person_id, cash, months)
select b.id, m.person_id, true, benefit_months(b.start_month, b.end_month)
from benefit b
join household_member m on m.household_id = b.household_id and m.left_on is null and m.person_id <> b.payee_person_id
where b.category = 'DIBAO' and not b.one_off;

-- The 公示 names the persons covered (单人保, 特困) and their number, not the household's size.
alter table publicity add column covered_names varchar(200);
