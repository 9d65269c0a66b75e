-- Who is counted (domain-rules §4.1, ADR 0016): a person serving a sentence, in 强制隔离戒毒, declared missing
-- or a clergy member living apart is not a 共同生活 member; the caseworker may count him again
-- (监外执行、保外就医 and back home) only with a reason, kept on the membership.
alter table household_member
    add column count_override_reason varchar(200),
    add constraint member_override_when_counted check (count_override_reason is null or counted);

-- A current membership marked not counted for one of those reasons said a fact about the person: it becomes
-- the person's flag, and the membership counts as the caseworker decides apart from it (counted), so that
-- clearing the flag on release counts him again. Ended memberships keep their reason: their months are past.
update person p set serving_sentence = true
where exists (select 1 from household_member m where m.person_id = p.id and m.left_on is null
              and not m.counted and m.not_counted_reason = 'SERVING_SENTENCE');
update person p set compulsory_rehab = true
where exists (select 1 from household_member m where m.person_id = p.id and m.left_on is null
              and not m.counted and m.not_counted_reason = 'COMPULSORY_REHAB');
update person p set declared_missing = true
where exists (select 1 from household_member m where m.person_id = p.id and m.left_on is null
              and not m.counted and m.not_counted_reason = 'DECLARED_MISSING');
update person p set clergy_apart = true
where exists (select 1 from household_member m where m.person_id = p.id and m.left_on is null
              and not m.counted and m.not_counted_reason = 'CLERGY_APART');
update household_member set counted = true, not_counted_reason = null
where left_on is null and not counted
  and not_counted_reason in ('SERVING_SENTENCE', 'COMPULSORY_REHAB', 'DECLARED_MISSING', 'CLERGY_APART');
