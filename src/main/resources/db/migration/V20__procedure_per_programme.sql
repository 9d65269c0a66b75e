-- 办理时限与公示 per programme (ADR 0024): the township and county time limits, the 公示 (held or not, its
-- length and unit, whether it counts in the limits) and the county's sampling share of a standard version
-- become one row per programme. 单人保 follows 低保 and has no row. Owned by the standard feature.
create table standard_procedure (
    standard_id            bigint        not null references subsidy_standard (id) on delete cascade,
    programme              varchar(20)   not null
        check (programme in ('DIBAO', 'TEKUN', 'DIBAO_EDGE', 'RIGID_EXPENDITURE', 'TEMP_RELIEF')),
    publicity_held         boolean       not null,                 -- false: no 公示 (临时救助 may have none)
    publicity_days         smallint      not null check (publicity_days between 1 and 30),
    publicity_unit         varchar(8)    not null check (publicity_unit in ('CALENDAR', 'WORKING')),
    publicity_counted      boolean       not null,                 -- whether 公示 days count inside the limits
    investigation_start_wd smallint      not null check (investigation_start_wd between 1 and 60),
    township_wd            smallint      check (township_wd between 1 and 60), -- 调查 + 初审 from 受理; null: none of its own
    re_review_wd           smallint      not null check (re_review_wd between 1 and 60), -- new 初审 after an objection
    county_decision_wd     smallint      not null check (county_decision_wd between 1 and 60),
    refusal_notice_wd      smallint      not null check (refusal_notice_wd between 1 and 60),
    total_wd               smallint      not null check (total_wd between 1 and 120),
    total_extended_wd      smallint      not null check (total_extended_wd between 1 and 120),
    county_sampling_pct    numeric(5, 2) not null check (county_sampling_pct between 0 and 100),
    primary key (standard_id, programme),
    constraint standard_procedure_extension check (total_extended_wd >= total_wd),
    constraint standard_procedure_township check (township_wd <= total_wd)
);

-- Existing versions keep what they said, for every programme: a version a check used never changes
-- (ADR 0007), so running cases of every programme keep their limits. No township limit of its own
-- and a 公示 for all, as before.
insert into standard_procedure (standard_id, programme, publicity_held, publicity_days, publicity_unit,
                                publicity_counted, investigation_start_wd, township_wd, re_review_wd,
                                county_decision_wd, refusal_notice_wd, total_wd, total_extended_wd,
                                county_sampling_pct)
select s.id, p.programme, true, s.publicity_days, s.publicity_unit, s.publicity_counted, s.investigation_start_wd,
       null, s.re_review_wd, s.county_decision_wd, s.refusal_notice_wd, s.total_wd, s.total_extended_wd,
       s.county_sampling_pct
from subsidy_standard s
cross join (values ('DIBAO'), ('TEKUN'), ('DIBAO_EDGE'), ('RIGID_EXPENDITURE'), ('TEMP_RELIEF')) p (programme);

alter table subsidy_standard drop constraint standard_extension;
alter table subsidy_standard
    drop column publicity_days,
    drop column publicity_unit,
    drop column publicity_counted,
    drop column investigation_start_wd,
    drop column re_review_wd,
    drop column county_decision_wd,
    drop column refusal_notice_wd,
    drop column total_wd,
    drop column total_extended_wd,
    drop column county_sampling_pct;

-- A version inserted without its programme rows (by SQL: the demo seed, tests) gets the national defaults
-- of each missing programme when its transaction commits; the app inserts all five itself, so nothing is
-- added then. The values are cn.dibao.standard.ProgrammeProcedure.defaults (a test compares them).
create function standard_procedure_defaults() returns trigger
    language plpgsql as
$$
begin
    insert into standard_procedure (standard_id, programme, publicity_held, publicity_days, publicity_unit,
                                    publicity_counted, investigation_start_wd, township_wd, re_review_wd,
                                    county_decision_wd, refusal_notice_wd, total_wd, total_extended_wd,
                                    county_sampling_pct)
    select new.id, d.programme, d.held, d.days, d.unit, d.counted, d.start_wd, d.township_wd, d.re_review_wd,
           d.county_wd, d.notice_wd, d.total_wd, d.extended_wd, d.sampling
    from (values ('DIBAO', true, 7, 'CALENDAR', false, 3, null::int, 15, 10, 3, 30, 45, 30.00),
                 ('TEKUN', true, 7, 'CALENDAR', false, 3, 15, 15, 15, 3, 30, 45, 30.00),
                 ('DIBAO_EDGE', true, 7, 'CALENDAR', false, 3, null::int, 15, 10, 3, 30, 45, 30.00),
                 ('RIGID_EXPENDITURE', true, 7, 'CALENDAR', false, 3, null::int, 15, 10, 3, 30, 45, 30.00),
                 ('TEMP_RELIEF', true, 5, 'WORKING', true, 1, 5, 5, 5, 3, 15, 15, 30.00))
         as d (programme, held, days, unit, counted, start_wd, township_wd, re_review_wd, county_wd, notice_wd,
               total_wd, extended_wd, sampling)
    where exists (select 1 from subsidy_standard s where s.id = new.id)
    on conflict (standard_id, programme) do nothing;
    return null;
end
$$;

create constraint trigger subsidy_standard_procedure_defaults
    after insert on subsidy_standard
    deferrable initially deferred
    for each row execute function standard_procedure_defaults();
