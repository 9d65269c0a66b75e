-- 孤儿 / 事实无人抚养儿童 (domain-rules §6.1, ADR 0017): the child's status and the programme chosen when he also
-- meets the 特困 conditions; a child who chose the child benefit is not a 特困 person.
alter table person
    add column child_status varchar(30) check (child_status in ('ORPHAN', 'DE_FACTO_UNSUPPORTED')),
    add column child_programme varchar(20) check (child_programme in ('TEKUN', 'CHILD_BENEFIT')),
    add constraint person_child_programme_needs_status check (child_programme is null or child_status is not null);
