-- ID-number search looks a person up in any membership, current or past; the partial unique
-- index (current memberships only) cannot serve that join, which then scanned all memberships.
create index household_member_person_idx on household_member (person_id);
