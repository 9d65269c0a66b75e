-- Name search at 1M households (ADR 0004): a common 2-character prefix such as 王伟 matches
-- hundreds of people; reading each person, membership and household row from the heap made the
-- slowest searches 250 ms. These indexes let the whole match set be resolved from indexes only.
drop index person_name_prefix_idx;
create index person_name_prefix_idx on person (name varchar_pattern_ops) include (id);

drop index household_member_current_uk;
create unique index household_member_current_uk on household_member (person_id) include (household_id)
    where left_on is null;

create index household_page_idx on household (id) include (area_code, status);
