-- 分类施保 basis of a benefit (ADR 0013 addendum): per person the benefit covers who had a 分类施保 group
-- at approval, a bit mask of the groups (1 aged 60+, 2 under 18, 4 severely disabled, 8 seriously
-- ill). A new standard's recalculation derives the 分类施保 from it with the new standard's settings
-- (a PERCENT top-up follows the standard). Empty: nobody had one; null: not kept (approved before,
-- or not 低保 / 单人保): the approved 分类施保 is kept as it is.
alter table benefit add column basis_topup_groups smallint[];
alter table benefit add constraint benefit_topup_groups_bits
    check (basis_topup_groups is null or basis_topup_groups <@ array[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]::smallint[]);
