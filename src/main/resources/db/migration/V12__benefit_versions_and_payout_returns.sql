-- Issue 6, second part (ADR 0013): benefit versions and changes (增发/减发/停发/暂停/恢复, 渐退期,
-- recalculation on a new standard), arrears (补发) and overpayments (追回), one-off grants such as the
-- 春节一次性生活补贴, bank return files and the close of a run with its reconciliation.

-- ---- benefits: what the amount is based on, and when it last changed ----------------------------
-- The basis lets a new standard recalculate an approved amount set-based (basis_persons counted
-- members, basis_net_income the counted monthly income after deductions, care_tier the 特困 tier).
alter table benefit
    add column basis_persons    smallint check (basis_persons > 0),
    add column basis_net_income numeric(12, 2) check (basis_net_income >= 0),
    add column care_tier        varchar(16) check (care_tier in ('HOME_SELF', 'HOME_PARTIAL', 'HOME_FULL',
                                                                 'INST_SELF', 'INST_PARTIAL', 'INST_FULL')),
    add column changed_at       timestamptz not null default now();
-- runs look for benefits changed since the previous run (arrears, overpayments, change exceptions)
create index benefit_changed_idx on benefit (changed_at);

-- A version: what a benefit pays from valid_from (first day of a month) until valid_to (exclusive;
-- null = open). Versions of a benefit never overlap. A version is never edited except to end it
-- (valid_to) when a later change takes effect; a superseded future version is cancelled by setting
-- valid_to = valid_from (an empty range), so the history keeps it.
create table benefit_version (
    id               bigint generated always as identity primary key,
    benefit_id       bigint         not null references benefit (id),
    valid_from       date           not null check (extract(day from valid_from) = 1),
    valid_to         date           check (valid_to is null or (extract(day from valid_to) = 1 and valid_to >= valid_from)),
    change_kind      varchar(16)    not null check (change_kind in ('APPROVAL', 'INCREASE', 'DECREASE', 'STOP',
                                                                    'SUSPEND', 'RESUME', 'GRADUAL_EXIT', 'RECALCULATION')),
    status           varchar(10)    not null check (status in ('ACTIVE', 'SUSPENDED', 'STOPPED')),
    amount_gap       numeric(12, 2) not null default 0,
    amount_topup     numeric(12, 2) not null default 0,
    amount_basic     numeric(12, 2) not null default 0,
    amount_care      numeric(12, 2) not null default 0,
    monthly_amount   numeric(12, 2) not null check (monthly_amount >= 0),
    reason_code      varchar(20),   -- DEATH, INCOME, MEMBERS, PROPERTY, REVIEW, NOT_COLLECTED, OTHER …
    reason           varchar(500)   not null,
    standard_id      bigint references subsidy_standard (id),
    recalculation_id bigint,        -- the recalculation that wrote this version
    created_at       timestamptz    not null default now(),
    created_by       varchar(60)    not null default 'system',
    constraint benefit_version_components check (amount_gap + amount_topup + amount_basic + amount_care = monthly_amount),
    constraint benefit_version_paid_only_active check (status = 'ACTIVE' or monthly_amount = 0)
);
create index benefit_version_benefit_idx on benefit_version (benefit_id, valid_from);

-- Every benefit starts with its approval as the first version, whoever inserts it (the application
-- workflow, the demo data, a benchmark's set-based seeding): a statement trigger, one INSERT … SELECT.
create function benefit_first_version() returns trigger language plpgsql as
$$
begin
    insert into benefit_version (benefit_id, valid_from, valid_to, change_kind, status, amount_gap, amount_topup,
                                 amount_basic, amount_care, monthly_amount, reason, standard_id, created_at, created_by)
    select n.id, n.start_month,
           case when n.end_month is not null then cast(n.end_month + interval '1 month' as date) end,
           'APPROVAL', n.status,
           case when n.status = 'ACTIVE' then n.amount_gap else 0 end,
           case when n.status = 'ACTIVE' then n.amount_topup else 0 end,
           case when n.status = 'ACTIVE' then n.amount_basic else 0 end,
           case when n.status = 'ACTIVE' then n.amount_care else 0 end,
           case when n.status = 'ACTIVE' then n.monthly_amount else 0 end,
           '审核确认', n.standard_id, n.created_at, n.created_by
    from new_benefits n;
    return null;
end
$$;
create trigger benefit_first_version after insert on benefit
    referencing new table as new_benefits for each statement execute function benefit_first_version();

-- benefits that exist already: their approval as the first version (a STOPPED or SUSPENDED one keeps
-- that status over its whole range: when it changed was not recorded)
insert into benefit_version (benefit_id, valid_from, valid_to, change_kind, status, amount_gap, amount_topup,
                             amount_basic, amount_care, monthly_amount, reason, standard_id, created_at, created_by)
select b.id, b.start_month,
       case when b.end_month is not null then cast(b.end_month + interval '1 month' as date) end,
       'APPROVAL', b.status,
       case when b.status = 'ACTIVE' then b.amount_gap else 0 end,
       case when b.status = 'ACTIVE' then b.amount_topup else 0 end,
       case when b.status = 'ACTIVE' then b.amount_basic else 0 end,
       case when b.status = 'ACTIVE' then b.amount_care else 0 end,
       case when b.status = 'ACTIVE' then b.monthly_amount else 0 end,
       '审核确认', b.standard_id, b.created_at, b.created_by
from benefit b;

-- A recalculation of a county's benefits for a standard that takes effect in a month: one row per
-- county and month, its change lines are the versions that carry its id.
create table benefit_recalculation (
    id            bigint generated by default as identity primary key,
    county_code   varchar(12)    not null references area (code),
    month         date           not null check (extract(day from month) = 1),
    examined      integer        not null,
    changed       integer        not null,
    skipped       integer        not null, -- no basis to recalculate from: to be done by hand
    amount_before numeric(14, 2) not null,
    amount_after  numeric(14, 2) not null,
    created_by    varchar(60)    not null,
    created_at    timestamptz    not null default now(),
    unique (county_code, month)
);
alter table benefit_version add constraint benefit_version_recalculation_fk
    foreign key (recalculation_id) references benefit_recalculation (id);

-- 追回: money paid for a month that, after a later change (a stop for a death, a reduction), was
-- not due. Deducted from the benefit's next payments by RECOVERY items until settled.
create table benefit_overpayment (
    id          bigint generated by default as identity primary key,
    benefit_id  bigint         not null references benefit (id),
    month       date           not null check (extract(day from month) = 1), -- the month overpaid
    amount      numeric(12, 2) not null check (amount > 0),
    run_id      bigint         not null, -- the run that found it
    created_at  timestamptz    not null default now(),
    unique (benefit_id, month)
);

-- ---- one-off grants (e.g. 春节一次性生活补贴: one month's standard per person) -------------------
create table payout_grant (
    id           bigint generated by default as identity primary key,
    county_code  varchar(12)    not null references area (code),
    month        date           not null check (extract(day from month) = 1),
    name         varchar(60)    not null,
    programmes   varchar(100)   not null, -- comma-separated categories, e.g. 'DIBAO,TEKUN'
    basis        varchar(16)    not null check (basis in ('STANDARD_MONTHS', 'FIXED_PER_PERSON')),
    factor       numeric(10, 2) not null check (factor > 0), -- months of the 低保 standard, or yuan per person
    created_by   varchar(60)    not null,
    created_at   timestamptz    not null default now(),
    unique (county_code, month)
);

-- ---- runs and items ----------------------------------------------------------------------------
alter table payout_run
    -- database time of generation: compared with benefit.changed_at (also database time) to find the
    -- benefits changed since a run, whatever the application clock says
    add column generated_db_at timestamptz    not null default now(),
    add column change_count    integer        not null default 0, -- exceptions: change over the set percentage
    add column paid_count      integer        not null default 0,
    add column paid_amount     numeric(14, 2) not null default 0,
    add column failed_count    integer        not null default 0,
    add column failed_amount   numeric(14, 2) not null default 0,
    add column returned_count  integer        not null default 0,
    add column returned_amount numeric(14, 2) not null default 0,
    add column closed_by       varchar(60),
    add column closed_at       timestamptz;

-- Totals by township, programme and kind, written with the run (the run page reads these, not 1M items).
create table payout_run_total (
    run_id        bigint         not null references payout_run (id),
    township_code varchar(12)    not null,
    programme     varchar(30)    not null,
    kind          varchar(10)    not null,
    items         integer        not null,
    amount        numeric(14, 2) not null,
    primary key (run_id, township_code, programme, kind)
);

-- An item's month is now the month the money is for (a 补发 line of a late approval carries the
-- earlier month); the run carries the month it is paid in. Kinds: MONTHLY (the month's amount, also
-- late months never paid), ONE_OFF (临时救助), ARREARS (a 增发 difference for a month already paid),
-- RECOVERY (追回, negative), SUPPLEMENT (a one-off grant such as the 春节 subsidy).
alter table payout_item drop constraint payout_item_kind_check;
alter table payout_item add constraint payout_item_kind_check
    check (kind in ('MONTHLY', 'ONE_OFF', 'ARREARS', 'RECOVERY', 'SUPPLEMENT'));
alter table payout_item
    add column reissue_of  bigint,        -- the failed or returned item this one pays again
    add column answered_at timestamptz,   -- when the bank's answer (or the close) set the status
    add column import_id   bigint,        -- the return file that answered it
    add column hand_note   varchar(200);  -- paid by hand: how (counter, corrected account …)
-- "Never twice": at most one live (issued or paid) item per benefit, month and kind. A failed or
-- returned item leaves the key free for the one that pays it again, and only one may (reissue_of).
-- Month first: a run's items all share the month and are written in benefit order, so they go in at
-- the index's right-hand edge instead of splitting a page next to every benefit's earlier months.
alter table payout_item drop constraint payout_item_once;
create unique index payout_item_once on payout_item (month, kind, benefit_id) where status in ('ISSUED', 'PAID');
-- what was taken back of a benefit (few rows: no cost to the month's insert)
create index payout_item_recovery_idx on payout_item (benefit_id) where kind = 'RECOVERY';
-- ids come from the sequence a thousand at a time per session (a run takes a million)
alter table payout_item alter column id set cache 1000;
-- The id is unique by construction (GENERATED ALWAYS: nothing else writes it) and grows with the
-- insert order, so a BRIN index finds an item by id as well as a b-tree would; the b-tree primary
-- key cost a third of a 1M-item run's index writes (ADR 0013). The business key is payout_item_once.
alter table payout_item drop constraint payout_item_pkey;
create index payout_item_id_brin on payout_item using brin (id) with (pages_per_range = 16);
create unique index payout_item_reissue_uk on payout_item (reissue_of) where reissue_of is not null;
-- failed and returned items waiting to be paid again (empty at generation: no cost to inserts)
create index payout_item_unpaid_idx on payout_item (benefit_id) where status in ('FAILED', 'RETURNED');
-- a run's items are written together, so they sit in consecutive blocks: a BRIN index finds them
-- at almost no cost to the 1M-row insert (a b-tree here cost as much as the insert itself)
drop index payout_item_run_idx;
create index payout_item_run_brin on payout_item using brin (run_id) with (pages_per_range = 32);

-- A bank return file: applied whole or not at all; a rejected one is kept with its line errors.
create table payout_return_import (
    id            bigint generated by default as identity primary key,
    run_id        bigint         not null references payout_run (id),
    file_name     varchar(200)   not null,
    sha256        char(64)       not null,
    encoding      varchar(10),
    lines         integer        not null,
    paid          integer        not null default 0,
    failed        integer        not null default 0,
    applied       boolean        not null,
    errors        text,          -- one line per error, zh-CN, when rejected
    imported_by   varchar(60)    not null,
    imported_at   timestamptz    not null default now()
);
create index payout_return_import_run_idx on payout_return_import (run_id, id);
