package cn.dibao.engine;

import cn.dibao.engine.HouseholdSnapshot.Asset;
import cn.dibao.engine.HouseholdSnapshot.AssetKind;
import cn.dibao.engine.HouseholdSnapshot.Deduction;
import cn.dibao.engine.HouseholdSnapshot.DeductionKind;
import cn.dibao.engine.HouseholdSnapshot.Expense;
import cn.dibao.engine.HouseholdSnapshot.Income;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.Obligor;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A small builder for engine test households, and the seeds' standard (855 / 1120 / 1480-370-185). */
final class Households {

    static final YearMonth MONTH = YearMonth.of(2026, 7);

    private final List<Member> members = new ArrayList<>();
    private final List<Income> incomes = new ArrayList<>();
    private final List<Deduction> deductions = new ArrayList<>();
    private final List<Asset> assets = new ArrayList<>();
    private final List<Expense> expenses = new ArrayList<>();
    private final List<Obligor> obligors = new ArrayList<>();
    private long nextId = 1;

    static Households household() {
        return new Households();
    }

    /** The seeds' district: 低保 855, 特困 1120, care 1480/370/185 at home, top-ups 50/50/100/100 once. */
    static Parameters seedStandard() {
        return params(85_500, RoundingRule.UP_YUAN);
    }

    static Parameters params(long dibaoFen, RoundingRule rounding) {
        return new Parameters(1L, "测试标准", dibaoFen, rounding, 0, 0, true, true, true, false,
                new Parameters.TopUp(TopUpMode.FIXED, 5_000), new Parameters.TopUp(TopUpMode.FIXED, 5_000),
                new Parameters.TopUp(TopUpMode.FIXED, 10_000), new Parameters.TopUp(TopUpMode.FIXED, 10_000),
                TopUpStacking.ONCE, 300, 0, null, 1, null, 10_000_000, 112_000, 18_500, 37_000, 148_000, 27_800,
                55_500, 222_000, 18, 150, SingleBasis.SHARE, 5_000, true, 8_000, 4_800_000, 600, 300, 60, 18, 25,
                IncomeRules.NATIONAL, PropertyRules.NATIONAL, SingleRules.NATIONAL);
    }

    static Parameters noTopUps(Parameters p) {
        return new Parameters(p.standardId(), p.label(), p.dibaoFen(), p.rounding(), p.minBenefitFen(),
                p.employmentCostBp(), p.deductMedical(), p.deductEducation(), p.deductRehabilitation(), p.deductRent(),
                Parameters.TopUp.NONE, Parameters.TopUp.NONE, Parameters.TopUp.NONE, Parameters.TopUp.NONE,
                p.stacking(), p.moneyAssetsMultipleHundredths(), p.maxVehicles(), p.maxVehicleValueFen(), p.maxHomes(),
                p.maxFloorAreaPerPersonHundredths(), p.maxBusinessCapitalFen(), p.tekunBasicFen(), p.careHomeSelfFen(),
                p.careHomePartialFen(), p.careHomeFullFen(), p.careInstSelfFen(), p.careInstPartialFen(),
                p.careInstFullFen(), p.tekunMinorAge(), p.edgeMultiplierHundredths(), p.singleBasis(), p.singleShareBp(),
                p.singleRequiresEdge(), p.rigidRatioBp(), p.disposableIncomeLastYearFen(), p.tempReliefCapHundredths(),
                p.tempReliefTownshipHundredths(), p.topUpElderlyAge(), p.topUpMinorAge(), p.tekunSchoolAge(), p.income(), p.propertyRules(), p.single());
    }

    /** The same standard with other 分类施保 ages and 特困 in-school age. */
    static Parameters withAges(Parameters p, int elderly, int minor, int school) {
        return new Parameters(p.standardId(), p.label(), p.dibaoFen(), p.rounding(), p.minBenefitFen(),
                p.employmentCostBp(), p.deductMedical(), p.deductEducation(), p.deductRehabilitation(), p.deductRent(),
                p.elderly(), p.minor(), p.disability(), p.illness(), p.stacking(), p.moneyAssetsMultipleHundredths(),
                p.maxVehicles(), p.maxVehicleValueFen(), p.maxHomes(), p.maxFloorAreaPerPersonHundredths(),
                p.maxBusinessCapitalFen(), p.tekunBasicFen(), p.careHomeSelfFen(), p.careHomePartialFen(),
                p.careHomeFullFen(), p.careInstSelfFen(), p.careInstPartialFen(), p.careInstFullFen(), p.tekunMinorAge(),
                p.edgeMultiplierHundredths(), p.singleBasis(), p.singleShareBp(), p.singleRequiresEdge(),
                p.rigidRatioBp(), p.disposableIncomeLastYearFen(), p.tempReliefCapHundredths(),
                p.tempReliefTownshipHundredths(), elderly, minor, school, p.income(), p.propertyRules(), p.single());
    }

    /** An able adult of 40. */
    long adult(String name) {
        return member(name, 40, true, null, null, null, false, Labour.FULL, Schooling.NONE);
    }

    long member(String name, int age, boolean counted, Integer category, Integer grade, SelfCare selfCare,
                boolean ill, Labour labour, Schooling schooling) {
        long id = nextId++;
        members.add(new Member(id, name, age, counted, counted ? null : "NOT_LIVING_TOGETHER", category, grade,
                selfCare, ill, labour, schooling));
        return id;
    }

    /** A counted member with a relation to the head (特困 obligors are decided by relation, ADR 0025). */
    /** A 孤儿 / 事实无人抚养儿童 of the household (ADR 0017), without labour capacity; {@code choice} may be null. */
    long child(String name, int age, String relation, HouseholdSnapshot.ChildStatus status,
               HouseholdSnapshot.ChildChoice choice) {
        long id = nextId++;
        members.add(new Member(id, name, age, true, null, null, null, null, false, Labour.NONE, Schooling.NONE,
                relation, status, choice));
        return id;
    }

    long related(String name, int age, String relation, Integer category, Integer grade, Labour labour) {
        long id = nextId++;
        members.add(new Member(id, name, age, true, null, category, grade, null, false, labour, Schooling.NONE,
                relation));
        return id;
    }

    /** A counted member with 就业状况 and a disability (单人保 alone, ADR 0018). */
    long worker(String name, int age, String relation, Integer category, Integer grade,
                HouseholdSnapshot.Employment employment) {
        long id = nextId++;
        members.add(new Member(id, name, age, true, null, category, grade, null, false,
                grade == null ? Labour.FULL : Labour.NONE, Schooling.NONE, relation, employment));
        return id;
    }

    /** An asset of one member ({@code owner}, null: the household's), with the date it was bought. */
    Households owned(Long owner, AssetKind kind, long valueFen, int quantity, java.time.LocalDate acquiredOn) {
        assets.add(new Asset(kind, valueFen, quantity, 0, false, owner, acquiredOn));
        return this;
    }

    /** An obligor outside the household with the facts D3 第七条 asks for; the engine decides. */
    Households obligorFacts(Long supported, String name, Integer age, Long incomeFen, Integer category,
                            Integer grade, String status, Boolean propertyWithinLimits) {
        obligors.add(new Obligor(supported, ObligorAbility.UNKNOWN, name, age, incomeFen, category, grade, status,
                propertyWithinLimits, null, 0));
        return this;
    }

    /** An obligor the caseworker decided able or not, with a reason. */
    Households obligorDecided(Long supported, String name, ObligorAbility ability, String reason) {
        obligors.add(new Obligor(supported, ability, name, 50, null, null, null, "NONE", null, reason, 0));
        return this;
    }

    Households income(long personId, long fen) {
        incomes.add(new Income(personId, IncomeKind.WAGE, "工资", fen, false, null));
        return this;
    }

    Households income(long personId, IncomeKind kind, long fen) {
        incomes.add(new Income(personId, kind, kind.name(), fen, false, null));
        return this;
    }

    Households excludedIncome(long personId, long fen, String reason) {
        incomes.add(new Income(personId, IncomeKind.TRANSFER, "不计入", fen, true, reason));
        return this;
    }

    /** An item in force in {@code months} months of the 收入计算期 (ADR 0020), of an exclusion category or none. */
    Households incomeOver(long personId, IncomeKind kind, long fen, int months, String category) {
        incomes.add(new Income(personId, kind, category == null ? kind.name() : category, fen, category != null,
                category, months));
        return this;
    }

    Households deduction(Long personId, DeductionKind kind, long fen) {
        deductions.add(new Deduction(personId, kind, fen));
        return this;
    }

    Households asset(AssetKind kind, long valueFen, int quantity, long floorHundredths, boolean exempt) {
        assets.add(new Asset(kind, valueFen, quantity, floorHundredths, exempt));
        return this;
    }

    Households expense(long fen) {
        expenses.add(new Expense("MEDICAL", fen));
        return this;
    }

    Households obligor(Long supported, ObligorAbility ability) {
        obligors.add(new Obligor(supported, ability));
        return this;
    }

    HouseholdSnapshot build() {
        return build(MONTH);
    }

    HouseholdSnapshot build(YearMonth month) {
        return new HouseholdSnapshot(month, "370211001001", true, members, incomes, deductions, assets, expenses,
                obligors);
    }
}
