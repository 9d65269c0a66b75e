-- 转移净收入 (D2 第十三条): transfer income minus transfer spending. Two deduction kinds for the
-- spending (社保缴费, 赡养支出 paid out), always deducted; the 赡养费 an obligor pays counts as
-- transfer income (ADR 0006). The simulator's month facts carry both (ADR 0010).

alter table deduction_item drop constraint deduction_item_type_check;
alter table deduction_item alter column type type varchar(20);
alter table deduction_item add constraint deduction_item_type_check check (type in
    ('EMPLOYMENT_COST', 'MEDICAL', 'EDUCATION', 'REHABILITATION', 'RENT', 'SOCIAL_INSURANCE', 'SUPPORT_PAID'));

alter table household_month_fact add column d_si bigint not null default 0;  -- 社保缴费, micro-yuan
alter table household_month_fact add column d_sup bigint not null default 0; -- 赡养支出 paid out, micro-yuan

-- gross now includes the 赡养费 obligors pay: a write to obligor marks the household dirty
create trigger obligor_facts_ins after insert on obligor referencing new table as new_rows
    for each statement execute function mark_facts_dirty_new();
create trigger obligor_facts_upd after update on obligor referencing new table as new_rows
    old table as old_rows for each statement execute function mark_facts_dirty_both();
create trigger obligor_facts_del after delete on obligor referencing old table as old_rows
    for each statement execute function mark_facts_dirty_old();

-- facts built before this migration lack both: rebuild every set on its next use
delete from household_month_fact;
delete from household_month_fact_set;
