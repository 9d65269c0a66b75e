-- The working-day calendar (工作日历, ADR 0008): the days that differ from "Monday to Friday work,
-- Saturday and Sunday rest". HOLIDAY: a day off (法定节假日 and the days of its 调休 span; weekend days
-- of a span are stored too, so the whole period shows, and are off anyway). WORKDAY: a Saturday or
-- Sunday worked (调休上班). Deadlines in working days (工作日) are counted from these rows.

create table calendar_day (
    day         date        primary key,
    kind        varchar(7)  not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name        varchar(30) not null,             -- the holiday, e.g. 春节; a WORKDAY names the holiday it makes up for
    provisional boolean     not null default false, -- entered before the State Council notice; an admin confirms the year
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    created_by  varchar(60) not null default 'system',
    updated_at  timestamptz not null default now(),
    updated_by  varchar(60) not null default 'system',
    -- a WORKDAY on Monday to Friday would change nothing: it is a mistake
    constraint calendar_day_workday_on_weekend check (kind <> 'WORKDAY' or extract(isodow from day) in (6, 7))
);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）.
insert into calendar_day (day, kind, name)
select d::date, 'HOLIDAY', h.name
from (values ('元旦',   date '2026-01-01', date '2026-01-03'),
             ('春节',   date '2026-02-15', date '2026-02-23'),
             ('清明节', date '2026-04-04', date '2026-04-06'),
             ('劳动节', date '2026-05-01', date '2026-05-05'),
             ('端午节', date '2026-06-19', date '2026-06-21'),
             ('中秋节', date '2026-09-25', date '2026-09-27'),
             ('国庆节', date '2026-10-01', date '2026-10-07')) as h (name, first_day, last_day),
     generate_series(h.first_day, h.last_day, interval '1 day') as d;

insert into calendar_day (day, kind, name)
values (date '2026-01-04', 'WORKDAY', '元旦'),
       (date '2026-02-14', 'WORKDAY', '春节'),
       (date '2026-02-28', 'WORKDAY', '春节'),
       (date '2026-05-09', 'WORKDAY', '劳动节'),
       (date '2026-09-20', 'WORKDAY', '国庆节'),
       (date '2026-10-10', 'WORKDAY', '国庆节');

-- 2027, provisional until an administrator confirms it against the State Council notice (not yet
-- published when this was written). Only the statutory days of 《全国年节及纪念日放假办法》 (2024
-- revision: 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 days) at their 2027
-- dates, with the weekday 补假 for statutory days that fall on a weekend. No 调休: the notice will
-- lengthen some spans with weekdays off and make up for them on weekends, which moves single
-- dates but not the number of working days in any period that contains the whole holiday.
insert into calendar_day (day, kind, name, provisional)
select d::date, 'HOLIDAY', h.name, true
from (values ('元旦',   date '2027-01-01', date '2027-01-03'),  -- Fri (+ weekend)
             ('春节',   date '2027-02-05', date '2027-02-10'),  -- 除夕 Fri 5 to 初三 Mon 8, 补假 Tue 9 and Wed 10
             ('清明节', date '2027-04-03', date '2027-04-05'),  -- Mon 5 (+ weekend)
             ('劳动节', date '2027-05-01', date '2027-05-04'),  -- Sat 1, Sun 2, 补假 Mon 3 and Tue 4
             ('端午节', date '2027-06-09', date '2027-06-09'),  -- Wed
             ('中秋节', date '2027-09-15', date '2027-09-15'),  -- Wed
             ('国庆节', date '2027-10-01', date '2027-10-05')) as h (name, first_day, last_day), -- Fri 1 to Sun 3, 补假 Mon 4 and Tue 5
     generate_series(h.first_day, h.last_day, interval '1 day') as d;
