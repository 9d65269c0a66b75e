package cn.dibao.household;

import cn.dibao.common.identity.IdNumbers;
import cn.dibao.common.identity.IdType;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.NotFoundException;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.dibao.household.HouseholdTestData.memberOf;
import static cn.dibao.household.HouseholdTestData.newId;
import static cn.dibao.household.HouseholdTestData.person;
import static cn.dibao.household.HouseholdTestData.uniqueName;
import static cn.dibao.support.Fixtures.VILLAGE_A;
import static cn.dibao.support.Fixtures.VILLAGE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@IntegrationTest
class HouseholdServiceTest {

    private static final String CASEWORKER = "caseworker";
    private static final String CASEWORKER_B = "caseworker2";

    @Autowired
    HouseholdService service;
    @Autowired
    HouseholdTestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @BeforeEach
    void loginAsCaseworker() {
        data.login(CASEWORKER);
    }

    @AfterEach
    void logout() {
        data.logout();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static NewMember newMember(Relation relation, PersonData person) {
        return new NewMember(new MemberData(relation, true, null, null), person);
    }

    private long memberId(long householdId, long personId) {
        return memberOf(service.file(householdId), personId).memberId();
    }

    private List<String> changeTypes(long householdId) {
        return jdbc.queryForList("select change_type from household_change where household_id = ? order by id",
                String.class, householdId);
    }

    private static DomainException domainError(Runnable action) {
        DomainException e = catchThrowableOfType(DomainException.class, action::run);
        assertThat(e).as("a DomainException").isNotNull();
        return e;
    }

    // ---- create ---------------------------------------------------------------------------------

    @Test
    void createsAHouseholdWithItsHeadAndDerivesSexAndBirthDateFromTheIdNumber() {
        String id = newId(LocalDate.of(1958, 6, 30), false);
        String name = uniqueName("李");
        // sex and birth date typed wrongly: refused by name (issue 14: nothing sent is silently dropped)
        PersonData wrong = new PersonData(name, IdType.RESIDENT_ID, id.toLowerCase(), "M", LocalDate.of(2000, 1, 1),
                "13912345678", "汉", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThat(domainError(() -> service.create(new NewHousehold(HouseholdTestData.householdData(VILLAGE_A,
                "隐珠路 8 号"), wrong))).field()).isEqualTo("head.sex");
        // left empty, they come from the number
        PersonData head = new PersonData(name, IdType.RESIDENT_ID, id.toLowerCase(), null, null,
                "13912345678", "汉", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        long householdId = service.create(new NewHousehold(HouseholdTestData.householdData(VILLAGE_A, "  隐珠路 8 号  "),
                head));

        HouseholdFile file = service.file(householdId);
        assertThat(file.status()).isEqualTo(HouseholdStatus.ACTIVE);
        assertThat(file.areaCode()).isEqualTo(VILLAGE_A);
        assertThat(file.address()).isEqualTo("隐珠路 8 号");
        assertThat(file.members()).hasSize(1);
        HouseholdFile.Member m = file.members().get(0);
        assertThat(m.relation()).isEqualTo(Relation.HEAD);
        assertThat(file.headPersonId()).isEqualTo(m.personId());
        assertThat(m.name()).isEqualTo(name);
        assertThat(m.sex()).isEqualTo('F');
        assertThat(m.birthDate()).isEqualTo(IdNumbers.birthDate(id).orElseThrow());
        assertThat(m.birthDate().getYear()).isEqualTo(1958);
        assertThat(m.idNumberMasked()).isEqualTo(IdNumbers.mask(id)).doesNotContain(id.substring(6, 14));
        assertThat(m.joinedOn()).isEqualTo(today());
        assertThat(m.counted()).isTrue();
        assertThat(file.createdBy()).isEqualTo(CASEWORKER);
        assertThat(jdbc.queryForObject("select id_number from person where id = ?", String.class, m.personId()))
                .as("stored normalised").isEqualTo(id.toUpperCase());
        assertThat(changeTypes(householdId)).containsExactly("HOUSEHOLD_CREATED");
    }

    @Test
    void aFifteenDigitNumberIsStoredUpgraded() {
        String fifteen = HouseholdTestData.newFifteenDigitId(LocalDate.of(1935, 4, 2));
        long householdId = service.create(HouseholdTestData.newHousehold(VILLAGE_A, uniqueName("赵"), fifteen));
        HouseholdFile.Member head = service.file(householdId).members().get(0);
        String stored = jdbc.queryForObject("select id_number from person where id = ?", String.class, head.personId());
        assertThat(stored).isEqualTo(IdNumbers.upgrade15(fifteen)).hasSize(18);
        assertThat(head.birthDate()).isEqualTo(LocalDate.of(1935, 4, 2));
    }

    @Test
    void aForeignCardWithoutEncodedFactsNeedsSexAndBirthDate() {
        String card = "USA" + String.format("%012d", System.nanoTime() % 1_000_000_000_000L);
        PersonData noFacts = PersonData.of(uniqueName("Smith"), IdType.FOREIGN_PERMANENT_RESIDENT, card);
        DomainException e = domainError(() -> service.create(new NewHousehold(
                HouseholdTestData.householdData(VILLAGE_A, "外籍路 1 号"), noFacts)));
        assertThat(e.field()).isEqualTo("head.sex");
        assertThat(data.count("person", "id_number = ?", card)).isZero();
    }

    @Test
    void aVillageOutsideTheScopeIsRefused() {
        long before = data.count("household", "");
        DomainException e = domainError(() -> service.create(HouseholdTestData.newHousehold(VILLAGE_B, uniqueName("钱"), newId())));
        assertThat(e.field()).isEqualTo("household.areaCode");
        assertThat(e.messageKey()).isEqualTo("household.area.invalid");
        assertThat(data.count("household", "")).isEqualTo(before);
    }

    @Test
    void anInvalidIdNumberIsRefusedOnTheHeadField() {
        String id = newId();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        DomainException e = domainError(() -> service.create(HouseholdTestData.newHousehold(VILLAGE_A, uniqueName("孙"), wrong)));
        assertThat(e.field()).isEqualTo("head.idNumber");
        assertThat(e.messageKey()).isEqualTo("id.checksum");
    }

    // ---- de-duplication -------------------------------------------------------------------------

    @Test
    void aPersonInAnotherHouseholdOfTheScopeIsRefusedSayingWhere() {
        String id = newId();
        long first = service.create(HouseholdTestData.newHousehold(VILLAGE_A, uniqueName("周"), id));
        long second = data.household(CASEWORKER, VILLAGE_A);
        long membersBefore = data.count("household_member", "");

        DomainException e = domainError(() -> service.addMember(second, newMember(Relation.SPOUSE, person(uniqueName("周"), id))));
        assertThat(e.field()).isEqualTo("person.idNumber");
        assertThat(e.messageKey()).isEqualTo("person.inOtherHousehold");
        assertThat(e.args()).hasSize(1);
        assertThat((String) e.args()[0]).startsWith("#" + first + " ");

        // the same for a new household's head
        DomainException asHead = domainError(() -> service.create(HouseholdTestData.newHousehold(VILLAGE_A, uniqueName("周"), id)));
        assertThat(asHead.field()).isEqualTo("head.idNumber");
        assertThat(asHead.messageKey()).isEqualTo("person.inOtherHousehold");
        assertThat(data.count("household_member", "")).isEqualTo(membersBefore);
    }

    @Test
    void theFifteenDigitSpellingOfANumberIsTheSamePerson() {
        String fifteen = HouseholdTestData.newFifteenDigitId(LocalDate.of(1941, 8, 15));
        long first = data.household(CASEWORKER, VILLAGE_A, uniqueName("许"), fifteen);
        long second = data.household(CASEWORKER, VILLAGE_A);
        DomainException e = domainError(() -> service.addMember(second,
                newMember(Relation.PARENT, person(uniqueName("许"), IdNumbers.upgrade15(fifteen)))));
        assertThat(e.messageKey()).isEqualTo("person.inOtherHousehold");
        assertThat((String) e.args()[0]).startsWith("#" + first + " ");
    }

    @Test
    void aPersonInAHouseholdOutsideTheScopeIsRefusedWithoutSayingWhere() {
        String id = newId();
        data.household(CASEWORKER_B, VILLAGE_B, uniqueName("吴"), id);
        long mine = data.household(CASEWORKER, VILLAGE_A);

        DomainException e = domainError(() -> service.addMember(mine, newMember(Relation.CHILD, person(uniqueName("吴"), id))));
        assertThat(e.field()).isEqualTo("person.idNumber");
        assertThat(e.messageKey()).isEqualTo("person.inOtherHouseholdElsewhere");
        assertThat(e.args()).isEmpty();

        DomainException asHead = domainError(() -> service.create(HouseholdTestData.newHousehold(VILLAGE_A, uniqueName("吴"), id)));
        assertThat(asHead.field()).isEqualTo("head.idNumber");
        assertThat(asHead.messageKey()).isEqualTo("person.inOtherHouseholdElsewhere");
        assertThat(data.count("person", "id_number = ?", id)).isEqualTo(1);
    }

    @Test
    void afterLeavingAPersonCanJoinAnotherHouseholdAndKeepsTheirRecord() {
        long first = data.household(CASEWORKER, VILLAGE_A);
        String id = newId(LocalDate.of(1995, 2, 3), true);
        long personId = service.addMember(first, newMember(Relation.CHILD, person(uniqueName("郑"), id)));
        long second = data.household(CASEWORKER, VILLAGE_A);

        service.endMembership(first, memberId(first, personId), today(), "分户");
        String newName = uniqueName("郑");
        long again = service.addMember(second, newMember(Relation.SPOUSE, person(newName, id.toLowerCase())));

        assertThat(again).isEqualTo(personId);
        assertThat(data.count("person", "id_number = ?", id)).isEqualTo(1);
        assertThat(data.count("household_member", "person_id = ?", personId)).isEqualTo(2);
        assertThat(data.count("household_member", "person_id = ? and left_on is null and household_id = ?", personId, second))
                .isEqualTo(1);
        assertThat(memberOf(service.file(second), personId).name()).isEqualTo(newName);
        HouseholdFile firstFile = service.file(first);
        assertThat(firstFile.members()).extracting(HouseholdFile.Member::personId).doesNotContain(personId);
        assertThat(firstFile.formerMembers()).singleElement().satisfies(m -> {
            assertThat(m.personId()).isEqualTo(personId);
            assertThat(m.leftOn()).isEqualTo(today());
            assertThat(m.leftReason()).isEqualTo("分户");
        });
    }

    @Test
    void theHeadCannotLeaveBeforeTheOthersAndLeavingNeedsAReasonAndNoFutureDate() {
        long h = data.household(CASEWORKER, VILLAGE_A);
        long head = data.headPersonId(h);
        long child = service.addMember(h, newMember(Relation.CHILD, person(uniqueName("冯"), newId())));

        assertThat(domainError(() -> service.endMembership(h, memberId(h, head), null, "死亡")).messageKey())
                .isEqualTo("member.leave.headFirst");
        assertThat(domainError(() -> service.endMembership(h, memberId(h, child), null, " ")).field()).isEqualTo("reason");
        assertThat(domainError(() -> service.endMembership(h, memberId(h, child), today().plusDays(1), "迁出")).field())
                .isEqualTo("leftOn");
        assertThat(data.count("household_member", "household_id = ? and left_on is null", h)).isEqualTo(2);
    }

    // ---- move -----------------------------------------------------------------------------------

    @Test
    void movingAMemberEndsTheOldMembershipAndWritesHistoryOnBothFiles() {
        long from = data.household(CASEWORKER, VILLAGE_A);
        long to = data.household(CASEWORKER, VILLAGE_A);
        String name = uniqueName("陈");
        long personId = service.addMember(from, new NewMember(
                new MemberData(Relation.CHILD, false, NotCountedReason.NOT_LIVING_TOGETHER, null), person(name, newId())));

        service.moveMember(from, memberId(from, personId), to, Relation.GRANDCHILD);

        HouseholdFile fromFile = service.file(from);
        assertThat(fromFile.members()).extracting(HouseholdFile.Member::personId).doesNotContain(personId);
        assertThat(fromFile.formerMembers()).singleElement().satisfies(m -> {
            assertThat(m.leftOn()).isEqualTo(today());
            assertThat(m.leftReason()).contains("#" + to);
        });
        HouseholdFile.Member moved = memberOf(service.file(to), personId);
        assertThat(moved.relation()).isEqualTo(Relation.GRANDCHILD);
        assertThat(moved.counted()).isFalse();
        assertThat(moved.notCountedReason()).isEqualTo(NotCountedReason.NOT_LIVING_TOGETHER);
        assertThat(moved.joinedOn()).isEqualTo(today());
        assertThat(data.count("household_member", "person_id = ?", personId)).isEqualTo(2);
        assertThat(data.count("household_member", "person_id = ? and left_on is null", personId)).isEqualTo(1);

        assertThat(changeTypes(from)).endsWith("MEMBER_MOVED_OUT");
        assertThat(changeTypes(to)).endsWith("MEMBER_MOVED_IN");
        assertThat(service.file(from).history().get(0).summary()).contains(name, "#" + to);
        assertThat(service.file(to).history().get(0).summary()).contains(name, "#" + from);
    }

    @Test
    void aMemberCannotMoveOutOfTheScopeOrAsHead() {
        long from = data.household(CASEWORKER, VILLAGE_A);
        long elsewhere = data.household(CASEWORKER_B, VILLAGE_B);
        long personId = service.addMember(from, newMember(Relation.CHILD, person(uniqueName("褚"), newId())));
        long mid = memberId(from, personId);

        DomainException outside = domainError(() -> service.moveMember(from, mid, elsewhere, Relation.CHILD));
        assertThat(outside.field()).isEqualTo("targetHouseholdId");
        assertThat(outside.messageKey()).isEqualTo("member.move.targetUnknown");
        long other = data.household(CASEWORKER, VILLAGE_A);
        assertThat(domainError(() -> service.moveMember(from, mid, other, Relation.HEAD)).field()).isEqualTo("relation");
        assertThat(domainError(() -> service.moveMember(from, mid, from, Relation.CHILD)).field()).isEqualTo("targetHouseholdId");

        assertThat(data.count("household_member", "person_id = ?", personId)).isEqualTo(1);
        assertThat(memberOf(service.file(from), personId).leftOn()).isNull();
    }

    // ---- close ----------------------------------------------------------------------------------

    @Test
    void closingAHouseholdEndsItsMembershipsAndFreesItsPeople() {
        long h = data.household(CASEWORKER, VILLAGE_A);
        long head = data.headPersonId(h);
        String childId = newId();
        long child = service.addMember(h, newMember(Relation.CHILD, person(uniqueName("卫"), childId)));

        assertThat(domainError(() -> service.close(h, "  ", service.file(h).version())).field()).isEqualTo("reason");
        service.close(h, "户主死亡，无其他成员", service.file(h).version());

        HouseholdFile file = service.file(h);
        assertThat(file.status()).isEqualTo(HouseholdStatus.CLOSED);
        assertThat(file.closedReason()).isEqualTo("户主死亡，无其他成员");
        assertThat(file.members()).isEmpty();
        assertThat(file.formerMembers()).extracting(HouseholdFile.Member::personId).containsExactlyInAnyOrder(head, child);
        assertThat(file.formerMembers()).allSatisfy(m -> {
            assertThat(m.leftOn()).isEqualTo(today());
            assertThat(m.leftReason()).isEqualTo("户档注销");
        });
        assertThat(data.count("household_member", "household_id = ? and left_on is null", h)).isZero();
        assertThat(changeTypes(h)).endsWith("HOUSEHOLD_CLOSED");

        // the file is read-only now
        DomainException closed = domainError(() -> service.addIncome(h, new IncomeData(child, IncomeCategory.WAGE, null,
                new BigDecimal("100"), today(), null, null)));
        assertThat(closed.field()).isNull();
        assertThat(closed.messageKey()).isEqualTo("household.closed");

        // and its people may join another household
        long other = data.household(CASEWORKER, VILLAGE_A);
        assertThat(service.addMember(other, newMember(Relation.SIBLING, person(uniqueName("卫"), childId)))).isEqualTo(child);
    }

    // ---- search ---------------------------------------------------------------------------------

    private List<Long> search(String name, String idNumber) {
        return service.search(new HouseholdQuery(name, idNumber, null, null, null), 0, 100).getContent().stream()
                .map(HouseholdRow::id).toList();
    }

    @Test
    void searchMatchesNamesAnywhereFromThreeCharactersAndAtTheStartBelow() {
        String name = uniqueName("诸葛");          // 诸葛 + at least six digits in Chinese
        long h = data.household(CASEWORKER, VILLAGE_A, name, newId());
        String middle = name.substring(2, 6);
        assertThat(search(name, null)).containsExactly(h);
        assertThat(search(middle, null)).as("contains, 4 characters").contains(h);
        assertThat(search(name.substring(3, 6), null)).as("contains, 3 characters").contains(h);
        assertThat(search(name.substring(2, 4), null)).as("2 characters only match the start").doesNotContain(h);
        assertThat(search("诸葛", null)).contains(h);
        assertThat(search("诸", null)).contains(h);
        assertThat(search("%", null)).as("wildcards are not special").isNotNull();
        HouseholdRow row = service.search(new HouseholdQuery(name, null, null, null, null), 0, 10).getContent().get(0);
        assertThat(row.headName()).isEqualTo(name);
        assertThat(row.memberCount()).isEqualTo(1);
        assertThat(row.areaCode()).isEqualTo(VILLAGE_A);
    }

    @Test
    void searchByIdNumberIsExactAndAcceptsWhatPeopleType() {
        String withX;
        do {
            withX = newId();
        } while (!withX.endsWith("X"));
        long hx = data.household(CASEWORKER, VILLAGE_A, uniqueName("欧"), withX);
        assertThat(search(null, withX)).containsExactly(hx);
        assertThat(search(null, " " + withX.toLowerCase() + " ")).containsExactly(hx);
        assertThat(search(null, withX.substring(0, 17))).as("no partial match").isEmpty();

        String fifteen = HouseholdTestData.newFifteenDigitId(LocalDate.of(1962, 1, 9));
        long h15 = data.household(CASEWORKER, VILLAGE_A, uniqueName("欧"), fifteen);
        assertThat(search(null, fifteen)).containsExactly(h15);
        assertThat(search(null, IdNumbers.upgrade15(fifteen))).containsExactly(h15);
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @RepeatedTest(3)
    void twoClerksAddingTheSameNewPersonAtOnceMakeOneMembership() throws Exception {
        long h1 = data.household(CASEWORKER, VILLAGE_A);
        long h2 = data.household(CASEWORKER, VILLAGE_A);
        String id = newId();
        List<Object> outcomes = race(
                () -> data.as(CASEWORKER, () -> service.addMember(h1, newMember(Relation.CHILD, person(uniqueName("蒋"), id)))),
                () -> data.as(CASEWORKER, () -> service.addMember(h2, newMember(Relation.CHILD, person(uniqueName("蒋"), id)))));

        assertThat(outcomes).filteredOn(o -> o instanceof Long).as("exactly one add succeeds: %s", outcomes).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof Exception).hasSize(1)
                .allSatisfy(o -> assertThat(o).isInstanceOfAny(DataIntegrityViolationException.class,
                        DomainException.class, OptimisticLockingFailureException.class));
        assertThat(data.count("person", "id_number = ?", id)).isEqualTo(1);
        assertThat(data.count("household_member m join person p on p.id = m.person_id", "p.id_number = ?", id)).isEqualTo(1);
        assertThat(data.count("household_member", "household_id in (?, ?)", h1, h2)).isEqualTo(3);
    }

    @RepeatedTest(3)
    void twoClerksAddingTheSameKnownPersonAtOnceMakeOneCurrentMembership() throws Exception {
        long home = data.household(CASEWORKER, VILLAGE_A);
        String id = newId();
        long personId = service.addMember(home, newMember(Relation.CHILD, person(uniqueName("沈"), id)));
        service.endMembership(home, memberId(home, personId), today(), "外出");
        long h1 = data.household(CASEWORKER, VILLAGE_A);
        long h2 = data.household(CASEWORKER, VILLAGE_A);

        List<Object> outcomes = race(
                () -> data.as(CASEWORKER, () -> service.addMember(h1, newMember(Relation.CHILD, person(uniqueName("沈"), id)))),
                () -> data.as(CASEWORKER, () -> service.addMember(h2, newMember(Relation.CHILD, person(uniqueName("沈"), id)))));

        assertThat(outcomes).filteredOn(o -> o instanceof Long).as("exactly one add succeeds: %s", outcomes).hasSize(1);
        assertThat(data.count("household_member", "person_id = ? and left_on is null", personId)).isEqualTo(1);
        assertThat(data.count("household_member", "person_id = ?", personId)).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesASecondCurrentMembership() {
        long h1 = data.household(CASEWORKER, VILLAGE_A);
        long h2 = data.household(CASEWORKER, VILLAGE_A);
        long head = data.headPersonId(h1);
        assertThatThrownBy(() -> jdbc.update("""
                insert into household_member (household_id, person_id, relation, joined_on) values (?, ?, 'CHILD', current_date)
                """, h2, head)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("household_member_current_uk");
    }

    /** Runs both actions at the same moment; each outcome is the result or the exception. */
    private static List<Object> race(Callable<Object> a, Callable<Object> b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> action : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        return action.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- optimistic locking ---------------------------------------------------------------------

    @Test
    void aStaleVersionIsALostUpdate() {
        long h = data.household(CASEWORKER, VILLAGE_A);
        long v0 = service.file(h).version();
        service.update(h, HouseholdTestData.householdData(VILLAGE_A, "第一次修改"), v0);
        assertThat(service.file(h).version()).isGreaterThan(v0);

        assertThatThrownBy(() -> service.update(h, HouseholdTestData.householdData(VILLAGE_A, "第二次修改"), v0))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> service.close(h, "重复", v0)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(service.file(h).address()).isEqualTo("第一次修改");
        assertThat(service.file(h).status()).isEqualTo(HouseholdStatus.ACTIVE);

        long head = data.headPersonId(h);
        HouseholdFile.Member m = memberOf(service.file(h), head);
        service.updatePerson(h, head, person(uniqueName("韩"), m.idNumberMasked()), m.personVersion());
        assertThatThrownBy(() -> service.updatePerson(h, head, person(uniqueName("韩"), m.idNumberMasked()), m.personVersion()))
                .isInstanceOf(OptimisticLockingFailureException.class);

        long child = service.addMember(h, newMember(Relation.CHILD, person(uniqueName("韩"), newId())));
        HouseholdFile.Member cm = memberOf(service.file(h), child);
        service.updateMembership(h, cm.memberId(), new MemberData(Relation.GRANDCHILD, true, null, null), cm.memberVersion());
        assertThatThrownBy(() -> service.updateMembership(h, cm.memberId(),
                new MemberData(Relation.SIBLING, true, null, null), cm.memberVersion()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(memberOf(service.file(h), child).relation()).isEqualTo(Relation.GRANDCHILD);
    }

    // ---- person edits ---------------------------------------------------------------------------

    @Test
    void editingAPersonWithTheMaskedNumberKeepsTheStoredNumber() {
        String id = newId(LocalDate.of(1949, 10, 1), true);
        long h = data.household(CASEWORKER, VILLAGE_A, uniqueName("杨"), id);
        long head = data.headPersonId(h);
        PersonData form = service.personData(h, head);
        assertThat(form.idNumber()).isEqualTo(IdNumbers.mask(id));

        PersonData edited = new PersonData(form.name(), form.idType(), form.idNumber(), form.sex(), form.birthDate(),
                form.phone(), form.ethnicity(), 2, 1, "37021119491001", true, true, false, false, false, true,
                today(), true, "尿毒症", LabourAbility.NONE, Employment.RETIRED, StudentLevel.NONE, false, false, false, false);
        service.updatePerson(h, head, edited, service.personVersion(h, head));

        assertThat(jdbc.queryForObject("select id_number from person where id = ?", String.class, head)).isEqualTo(id);
        HouseholdFile.Member m = memberOf(service.file(h), head);
        assertThat(m.selfCareTier()).isEqualTo(SelfCareTier.PARTIAL);
        assertThat(m.disabilityCategory()).isEqualTo((short) 2);
        assertThat(m.labourAbility()).isEqualTo(LabourAbility.NONE);
        assertThat(changeTypes(h)).endsWith("PERSON_UPDATED");
        assertThat(service.file(h).history().get(0).summary()).doesNotContain(id);
    }

    @Test
    void aNumberHeldByAnotherPersonCannotBeTypedIn() {
        String taken = newId();
        data.household(CASEWORKER, VILLAGE_A, uniqueName("朱"), taken);
        long h = data.household(CASEWORKER, VILLAGE_A);
        long head = data.headPersonId(h);
        DomainException e = domainError(() -> service.updatePerson(h, head, person(uniqueName("朱"), taken),
                service.personVersion(h, head)));
        assertThat(e.field()).isEqualTo("idNumber");
        assertThat(e.messageKey()).isEqualTo("person.idNumber.taken");
    }

    // ---- history --------------------------------------------------------------------------------

    @Test
    void everyChangeIsWrittenToTheHistoryAndTheAuditTrail() {
        String headId = newId();
        long h = data.household(CASEWORKER, VILLAGE_A, uniqueName("秦"), headId);
        long head = data.headPersonId(h);
        service.update(h, new HouseholdData(VILLAGE_A, "新地址 1 号", HukouType.RURAL, null, "网格三",
                Set.of(HouseholdTag.EMPTY_NEST)), service.file(h).version());
        String childId = newId();
        long child = service.addMember(h, newMember(Relation.CHILD, person(uniqueName("秦"), childId)));
        service.updatePerson(h, child, person(uniqueName("秦"), IdNumbers.mask(childId)), service.personVersion(h, child));
        HouseholdFile.Member cm = memberOf(service.file(h), child);
        service.updateMembership(h, cm.memberId(), new MemberData(Relation.GRANDCHILD, false,
                NotCountedReason.POSTGRADUATE, null), cm.memberVersion());
        service.makeHead(h, cm.memberId());
        long income = service.addIncome(h, new IncomeData(child, IncomeCategory.WAGE, "工资", new BigDecimal("2300.50"),
                today().withDayOfMonth(1), null, null));
        service.addDeduction(h, new DeductionData(null, DeductionType.MEDICAL, null, new BigDecimal("100"),
                today().withDayOfMonth(1), null));
        service.addAsset(h, new AssetData(head, AssetType.DEPOSIT, "存款", new BigDecimal("5000"), 1, null, null,
                today().withDayOfMonth(1), null));
        service.addExpense(h, new ExpenseData(child, ExpenseType.MEDICAL, "住院", new BigDecimal("800"), today()));
        service.addObligor(h, new ObligorData(uniqueName("秦"), IdType.RESIDENT_ID, newId(), ObligorRelation.SUPPORT_PARENT,
                head, "青岛市市南区", AbleToSupport.YES, new BigDecimal("300"), null, null, null, null, null, null, null,
                "在外地工作，收入稳定"));
        service.removeItem(h, HouseholdService.ItemKind.INCOME, income);
        service.endMembership(h, memberId(h, head), today(), "去世");
        service.close(h, "户档合并", service.file(h).version());

        List<String> expected = List.of("HOUSEHOLD_CREATED", "HOUSEHOLD_UPDATED", "MEMBER_ADDED", "PERSON_UPDATED",
                "MEMBER_CHANGED", "HEAD_CHANGED", "INCOME_ADDED", "DEDUCTION_ADDED", "ASSET_ADDED", "EXPENSE_ADDED",
                "OBLIGOR_ADDED", "ITEM_REMOVED", "MEMBER_LEFT", "HOUSEHOLD_CLOSED");
        assertThat(changeTypes(h)).containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForList("select distinct changed_by from household_change where household_id = ?",
                String.class, h)).containsExactly(CASEWORKER);
        assertThat(jdbc.queryForList("""
                select action from audit_event where entity_type = 'household' and entity_id = ? order by id
                """, String.class, String.valueOf(h))).containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForList("select summary from household_change where household_id = ?", String.class, h))
                .as("no full ID number in the history").noneMatch(s -> s.contains(headId) || s.contains(childId));
        assertThat(service.file(h).history()).hasSize(expected.size());
    }

    // ---- items ----------------------------------------------------------------------------------

    @Test
    void anIncomeIsExcludedExactlyWhenItHasAnExclusionReason() {
        long h = data.household(CASEWORKER, VILLAGE_A);
        long head = data.headPersonId(h);
        long counted = service.addIncome(h, new IncomeData(head, IncomeCategory.TRANSFER, null, new BigDecimal("120"),
                today(), null, null));
        long excluded = service.addIncome(h, new IncomeData(head, IncomeCategory.TRANSFER, "基础养老金",
                new BigDecimal("180.00"), today(), null, ExclusionReason.BASIC_PENSION));

        assertThat(jdbc.queryForMap("select excluded, exclusion_reason from income_item where id = ?", counted))
                .containsEntry("excluded", false).containsEntry("exclusion_reason", null);
        assertThat(jdbc.queryForMap("select excluded, exclusion_reason from income_item where id = ?", excluded))
                .containsEntry("excluded", true).containsEntry("exclusion_reason", "BASIC_PENSION");

        // the database itself refuses an excluded income without a reason
        assertThatThrownBy(() -> jdbc.update("update income_item set exclusion_reason = null where id = ?", excluded))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("income_reason_when_excluded");
        assertThatThrownBy(() -> jdbc.update("""
                insert into income_item (household_id, person_id, category, monthly_amount, period_from, excluded)
                values (?, ?, 'WAGE', 1, current_date, true)
                """, h, head)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(data.count("income_item", "household_id = ?", h)).isEqualTo(2);
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedOnPeriodTo() {
        long h = data.household(CASEWORKER, VILLAGE_A);
        long head = data.headPersonId(h);
        LocalDate from = today().withDayOfMonth(1);
        LocalDate to = from.minusDays(1);
        List<Runnable> adds = List.of(
                () -> service.addIncome(h, new IncomeData(head, IncomeCategory.WAGE, null, BigDecimal.TEN, from, to, null)),
                () -> service.addDeduction(h, new DeductionData(head, DeductionType.RENT, null, BigDecimal.TEN, from, to)),
                () -> service.addAsset(h, new AssetData(head, AssetType.DEPOSIT, null, BigDecimal.TEN, 1, null, null, from, to)));
        for (Runnable add : adds) {
            DomainException e = domainError(add);
            assertThat(e.field()).isEqualTo("periodTo");
            assertThat(e.messageKey()).isEqualTo("period.to.beforeFrom");
        }
        assertThat(data.count("income_item", "household_id = ?", h)).isZero();
        assertThat(data.count("deduction_item", "household_id = ?", h)).isZero();
        assertThat(data.count("asset_item", "household_id = ?", h)).isZero();
        // the same day is a one-day period
        service.addIncome(h, new IncomeData(head, IncomeCategory.WAGE, null, BigDecimal.TEN, from, from, null));
        assertThat(data.count("income_item", "household_id = ?", h)).isEqualTo(1);
    }

    @Test
    void itemsBelongToCurrentMembersOfTheHousehold() {
        long h = data.household(CASEWORKER, VILLAGE_A);
        long stranger = data.headPersonId(data.household(CASEWORKER, VILLAGE_A));
        DomainException e = domainError(() -> service.addIncome(h, new IncomeData(stranger, IncomeCategory.WAGE, null,
                BigDecimal.ONE, today(), null, null)));
        assertThat(e.field()).isEqualTo("personId");
        assertThat(e.messageKey()).isEqualTo("item.person.notMember");
        assertThat(domainError(() -> service.addExpense(h, new ExpenseData(stranger, ExpenseType.MEDICAL, null,
                BigDecimal.ONE, today()))).field()).isEqualTo("personId");
        assertThat(data.count("income_item", "household_id = ?", h)).isZero();
    }

    @Test
    void anObligorIsNoMemberAndHasAValidNumber() {
        String headId = newId();
        long h = data.household(CASEWORKER, VILLAGE_A, uniqueName("尤"), headId);
        DomainException member = domainError(() -> service.addObligor(h, new ObligorData(uniqueName("尤"), null, headId,
                ObligorRelation.SUPPORT_CHILD, null, null, null, null, null, null, null, null, null, null, null, null)));
        assertThat(member.field()).isEqualTo("idNumber");
        assertThat(member.messageKey()).isEqualTo("obligor.isMember");
        String bad = headId.substring(0, 17) + (headId.charAt(17) == '0' ? '1' : '0');
        assertThat(domainError(() -> service.addObligor(h, new ObligorData(uniqueName("尤"), null, bad,
                ObligorRelation.SUPPORT_CHILD, null, null, null, null, null, null, null, null, null, null, null, null))).messageKey()).isEqualTo("id.checksum");
        assertThat(data.count("obligor", "household_id = ?", h)).isZero();
    }

    @Test
    void aHouseholdOutsideTheScopeIsNotFound() {
        long elsewhere = data.household(CASEWORKER_B, VILLAGE_B);
        assertThatThrownBy(() -> service.file(elsewhere)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.addIncome(elsewhere, new IncomeData(1L, IncomeCategory.WAGE, null,
                BigDecimal.ONE, today(), null, null))).isInstanceOf(NotFoundException.class);
    }
}
