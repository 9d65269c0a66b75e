package cn.dibao.application;

import cn.dibao.common.identity.IdType;
import cn.dibao.household.Employment;
import cn.dibao.household.HouseholdData;
import cn.dibao.household.HouseholdService;
import cn.dibao.household.HukouType;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.IncomeData;
import cn.dibao.household.LabourAbility;
import cn.dibao.household.MemberData;
import cn.dibao.household.NewHousehold;
import cn.dibao.household.NewMember;
import cn.dibao.household.PersonData;
import cn.dibao.household.Relation;
import cn.dibao.household.StudentLevel;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static cn.dibao.application.Cases.ALL_MATERIALS;
import static cn.dibao.application.Cases.CASEWORKER;
import static cn.dibao.application.Cases.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persons are decided by id (issue 12): a 单人保 household where the father (66, so in the 分类施保 group of
 * the elderly) and his seriously ill son share the name 王芳. Only the son is covered; the benefit pays him
 * and keeps only his 分类施保 group. Matching by name would have covered both and kept the father's group.
 */
@IntegrationTest
class SameNameApprovalTest {

    @Autowired
    ApplicationService service;
    @Autowired
    HouseholdService households;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Cases cases;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSinglePersonBenefitCoversTheSonNotTheFatherOfTheSameName() {
        long[] ids = cases.as(REVIEWER, () -> {
            long id = households.create(new NewHousehold(
                    new HouseholdData(Fixtures.VILLAGE_A, Fixtures.unique("同名路") + " 号", HukouType.URBAN, null, null,
                            Set.of()),
                    PersonData.of("王芳", IdType.RESIDENT_ID, Fixtures.newIdNumber(LocalDate.of(1960, 2, 1), true))));
            long father = households.file(id).members().get(0).personId();
            households.addMember(id, new NewMember(new MemberData(Relation.SPOUSE, true, null,
                    LocalDate.of(2025, 1, 1)), PersonData.of("李梅", IdType.RESIDENT_ID,
                    Fixtures.newIdNumber(LocalDate.of(1982, 5, 2), false))));
            households.addMember(id, new NewMember(new MemberData(Relation.CHILD, true, null,
                    LocalDate.of(2025, 1, 1)), seriouslyIll("王芳", LocalDate.of(2000, 6, 3))));
            long son = households.file(id).members().stream().filter(m -> m.personId() != father
                    && m.name().equals("王芳")).findFirst().orElseThrow().personId();
            // 3 persons, income 3000: 2565 ≤ 3000 < 3847.50, the 边缘 band in which 单人保 applies
            households.addIncome(id, new IncomeData(father, IncomeCategory.WAGE, "工资", new BigDecimal("3000.00"),
                    LocalDate.of(2025, 1, 1), null, null));
            return new long[] {id, father, son};
        });
        jdbc.update("update household_member set joined_on = date '2025-01-01' where household_id = ?", ids[0]);
        Cases.Household h = new Cases.Household(ids[0], ids[2], Fixtures.VILLAGE_A);
        Set<String> materials = new HashSet<>(ALL_MATERIALS);
        materials.add("ILLNESS_PROOF");

        long id = cases.accept(CASEWORKER, h, AssistanceType.DIBAO_SINGLE, materials, true);
        cases.investigate(CASEWORKER, id);
        cases.review(CASEWORKER, id);
        cases.closePublicity(CASEWORKER, id);
        cases.countyVisit(REVIEWER, id);
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));

        assertThat(cases.view(id).proposedCategory()).isEqualTo(cn.dibao.engine.Programme.DIBAO_SINGLE);
        Map<String, Object> b = jdbc.queryForMap("""
                select payee_person_id, basis_persons, basis_topup_groups::text as groups from benefit
                where application_id = ?""", id);
        assertThat(b.get("payee_person_id")).isEqualTo(ids[2]);
        assertThat(((Number) b.get("basis_persons")).intValue()).isEqualTo(1);
        assertThat(b.get("groups")).as("only the son's group: seriously ill (8), not the father's elderly (1)")
                .isEqualTo("{8}");
    }

    private static PersonData seriouslyIll(String name, LocalDate born) {
        return new PersonData(name, IdType.RESIDENT_ID, Fixtures.newIdNumber(born, true), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, Boolean.TRUE, "尿毒症", LabourAbility.FULL,
                Employment.UNKNOWN, StudentLevel.NONE, null, null, null, null);
    }
}
