package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.BenefitLine;
import cn.dibao.engine.EligibilityResult.BenefitLine.Component;
import cn.dibao.engine.EligibilityResult.IncomeLine;
import cn.dibao.engine.EligibilityResult.LineStatus;
import cn.dibao.engine.EligibilityResult.ProgrammeResult;
import cn.dibao.engine.HouseholdSnapshot.Asset;
import cn.dibao.engine.HouseholdSnapshot.Deduction;
import cn.dibao.engine.HouseholdSnapshot.Income;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;
import cn.dibao.engine.HouseholdSnapshot.Schooling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The eligibility rules of domain-rules §4–§8 as pure code: a household snapshot and the local
 * parameters in, an explained result out. No Spring, no database, no clock: the same inputs give
 * the same result, which is what lets a stored check be re-read and trusted.
 *
 * <p>Money is exact: fen in the inputs, micro-yuan (fen × 10,000) inside, so percentages of the
 * standard are exact; each benefit is rounded once, by the local rule, at the end. Thresholds
 * compare household totals (income &lt; standard × members) rather than divided per-capita
 * figures, which would introduce rounding into the decision.
 */
public final class EligibilityEngine {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** D3 第五条: from this age a person has no labour capacity, nationally. */
    private static final int TEKUN_ELDERLY_AGE = 60;

    /** 特困 care setting: at home (分散供养) or in an institution (集中供养). */
    public enum CareSetting { HOME, INSTITUTION }

    public EligibilityResult evaluate(HouseholdSnapshot h, Parameters p) {
        return evaluate(h, p, CareSetting.HOME);
    }

    public EligibilityResult evaluate(HouseholdSnapshot h, Parameters p, CareSetting care) {
        final long std = Money.fenToMicro(p.dibaoFen());
        final List<Member> people = h.members();
        final int size = people.size();
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (people.get(i).counted()) {
                n++;
            }
        }
        // Per member (by position): own counted income and wages. Households are small, so a
        // linear lookup beats hashing and allocates nothing.
        long[] ownIncome = new long[size];
        long[] wages = new long[size];
        // 特困's own income (D3 第六条 leaves out other items than D2, ADR 0021)
        long[] tekunIncome = new long[size];
        final LocalDate first = h.month().atDay(1);
        final IncomeRules rules = p.income();

        // ---- income, line by line --------------------------------------------------------
        List<IncomeLine> lines = new ArrayList<>(h.incomes().size() + h.deductions().size() + h.obligors().size() + 2);
        long gross = 0;
        for (Income i : h.incomes()) {
            int idx = indexOf(people, i.personId());
            Member m = idx < 0 ? null : people.get(idx);
            String who = m == null ? "" : m.name();
            long monthly = Money.fenToMicro(i.monthlyFen());
            // ADR 0020: the average over the k months of the 收入计算期, rounded down to the micro-yuan once per item
            long amount = i.months() == null ? monthly
                    : Math.multiplyExact(monthly, i.months()) / rules.referenceMonths();
            String period = i.months() == null ? null : "近" + rules.referenceMonths() + "个月中" + i.months()
                    + "个月，月额 " + Money.yuan(monthly) + " 元";
            String reason = i.exclusionReason();
            // no category: counts for both; one the rules do not know (or an excluded item stored without one):
            // left out of both, as an excluded item always was
            IncomeRules.Exclusion x = !i.excluded() && reason == null ? IncomeRules.Exclusion.NONE : rules.of(reason);
            boolean outDibao = x == null || x.dibaoIn(first);
            boolean outTekun = x == null || x.tekunIn(first);
            if (m == null || !m.counted()) {
                lines.add(new IncomeLine(who, i.description(), amount, LineStatus.NOT_MEMBER, "非共同生活成员，不计入",
                        reason, period));
                continue;
            }
            String detail = join(period, reason == null ? null : exclusionDetail(x, outDibao, outTekun, first));
            if (outDibao) {
                lines.add(new IncomeLine(who, i.description(), amount, LineStatus.EXCLUDED, reason, reason, detail));
            } else {
                lines.add(new IncomeLine(who, i.description(), amount, LineStatus.COUNTED, i.kind().name(), reason,
                        detail));
                gross += amount;
                ownIncome[idx] += amount;
                if (i.kind() == IncomeKind.WAGE) {
                    wages[idx] += amount;
                }
            }
            if (!outTekun) {
                tekunIncome[idx] += amount;
            }
        }
        // 赡养费 paid by an obligor outside the household is transfer income of the person supported (§4.1)
        for (HouseholdSnapshot.Obligor o : h.obligors()) {
            if (o.monthlySupportFen() <= 0) {
                continue;
            }
            int idx = o.supportedPersonId() == null ? -1 : indexOf(people, o.supportedPersonId());
            Member m = idx < 0 ? null : people.get(idx);
            String who = m == null ? "" : m.name();
            String what = o.name() == null || o.name().isBlank() ? "赡养费" : "赡养费（" + o.name() + "）";
            long amount = Money.fenToMicro(o.monthlySupportFen());
            if (o.supportedPersonId() != null && (m == null || !m.counted())) {
                lines.add(new IncomeLine(who, what, amount, LineStatus.NOT_MEMBER, "非共同生活成员，不计入"));
            } else {
                lines.add(new IncomeLine(who, what, amount, LineStatus.COUNTED, IncomeKind.TRANSFER.name()));
                gross += amount;
                if (idx >= 0) {
                    ownIncome[idx] += amount;
                    tekunIncome[idx] += amount;
                }
            }
        }
        long deductions = 0;
        boolean automaticEmploymentCost = p.employmentCostBp() > 0;
        for (Deduction d : h.deductions()) {
            int idx = d.personId() == null ? -1 : indexOf(people, d.personId());
            Member m = idx < 0 ? null : people.get(idx);
            String who = m == null ? "" : m.name();
            long amount = Money.fenToMicro(d.monthlyFen());
            boolean enabled = switch (d.kind()) {
                case EMPLOYMENT_COST -> !automaticEmploymentCost;
                case MEDICAL -> p.deductMedical();
                case EDUCATION -> p.deductEducation();
                case REHABILITATION -> p.deductRehabilitation();
                case RENT -> p.deductRent();
                // 转移性支出: not capped at the transfer income; only the household's net is floored at 0 (ADR 0006)
                case SOCIAL_INSURANCE, SUPPORT_PAID -> true;
            };
            // A household-level item, or one of a counted member; items of people no longer in the household are ignored.
            if (enabled && (d.personId() == null || (m != null && m.counted()))) {
                lines.add(new IncomeLine(who, d.kind().name(), amount, LineStatus.DEDUCTED, null));
                deductions += amount;
            } else {
                lines.add(new IncomeLine(who, d.kind().name(), amount, LineStatus.IGNORED,
                        enabled ? "非共同生活成员" : "当地标准不扣减此项"));
            }
        }
        if (automaticEmploymentCost) {
            long perWorker = p.dibaoFen() * p.employmentCostBp();
            for (int i = 0; i < size; i++) {
                if (wages[i] > 0) {
                    long amount = Math.min(wages[i], perWorker);
                    lines.add(new IncomeLine(people.get(i).name(), "EMPLOYMENT_COST", amount, LineStatus.DEDUCTED,
                            "就业成本按低保标准的比例扣减"));
                    deductions += amount;
                }
            }
        }
        long net = Math.max(0, gross - deductions);

        // ---- property -------------------------------------------------------------------------
        // 低保's limits are the household's property section; a programme with limits of its own lists them in its rules
        List<RuleOutcome> property = new ArrayList<>(6);
        PropertyRules pr = p.propertyRules();
        boolean propertyOk = property(h.assets(), null, pr.dibao(p), n, std, first, null, property);
        List<RuleOutcome> tekunHead = new ArrayList<>();
        boolean tekunPropertyOk = programmeProperty(Programme.TEKUN, h, p, n, std, first, propertyOk, tekunHead);
        List<RuleOutcome> edgeOwn = new ArrayList<>(0);
        boolean edgePropertyOk = programmeProperty(Programme.DIBAO_EDGE, h, p, n, std, first, propertyOk, edgeOwn);
        List<RuleOutcome> rigidOwn = new ArrayList<>(0);
        boolean rigidPropertyOk = programmeProperty(Programme.RIGID_EXPENDITURE, h, p, n, std, first, propertyOk,
                rigidOwn);

        List<ProgrammeResult> programmes = new ArrayList<>(6);
        long standardTotal = Math.multiplyExact(std, n);

        // ---- 特困 ------------------------------------------------------------------------------
        ProgrammeResult tekun = tekun(h, p, care, ownIncome, tekunIncome, tekunPropertyOk, std, tekunHead);
        programmes.add(tekun);

        // ---- 低保 ------------------------------------------------------------------------------
        List<RuleOutcome> dibaoRules = new ArrayList<>(3);
        dibaoRules.add(RuleOutcome.of(RuleCode.HAS_MEMBERS, n > 0, n, 1));
        boolean incomeBelow = n > 0 && net < standardTotal;
        dibaoRules.add(RuleOutcome.of(RuleCode.DIBAO_INCOME, incomeBelow, net, standardTotal, std, n));
        dibaoRules.add(RuleOutcome.of(RuleCode.PROPERTY, propertyOk, 0, 0));
        boolean dibao = n > 0 && incomeBelow && propertyOk;
        List<BenefitLine> dibaoLines = new ArrayList<>();
        BigDecimal dibaoAmount = ZERO;
        if (dibao) {
            long total = standardTotal - net;
            dibaoLines.add(BenefitLine.of(Component.GAP, null, total));
            for (Member m : h.members()) {
                if (m.counted()) {
                    long topUp = topUp(m, p);
                    if (topUp > 0) {
                        dibaoLines.add(BenefitLine.of(Component.TOPUP, m, topUp));
                        total += topUp;
                    }
                }
            }
            dibaoAmount = Money.roundBenefit(total, p.rounding(), p.minBenefitFen());
        }
        programmes.add(new ProgrammeResult(Programme.DIBAO, dibao, dibaoRules, dibaoLines, dibaoAmount, List.of(),
                List.of()));

        // ---- 单人保 ----------------------------------------------------------------------------
        long edgeCeiling = Math.multiplyExact(standardTotal, p.edgeMultiplierHundredths()) / 100;
        boolean edgeBand = n > 0 && net >= standardTotal && net < edgeCeiling && edgePropertyOk;
        programmes.add(single(h, p, ownIncome, dibao, tekun.eligible(), edgeBand, net, edgeCeiling, std, first));

        // ---- 低保边缘 ---------------------------------------------------------------------------
        List<RuleOutcome> edgeRules = new ArrayList<>(4);
        boolean higher = dibao || tekun.eligible();
        edgeRules.add(RuleOutcome.about(RuleCode.NOT_HIGHER_PROGRAMME, !higher, null, 0, 0, "低保或特困"));
        edgeRules.add(RuleOutcome.of(RuleCode.EDGE_FLOOR, n > 0 && net >= standardTotal, net, standardTotal));
        edgeRules.add(RuleOutcome.of(RuleCode.EDGE_CEILING, n > 0 && net < edgeCeiling, net, edgeCeiling,
                p.edgeMultiplierHundredths(), n));
        edgeRules.addAll(edgeOwn);
        edgeRules.add(propertyOutcome(Programme.DIBAO_EDGE, pr, edgePropertyOk));
        boolean edge = !higher && edgeBand;
        programmes.add(new ProgrammeResult(Programme.DIBAO_EDGE, edge, edgeRules));

        // ---- 刚性支出 ---------------------------------------------------------------------------
        List<RuleOutcome> rigidRules = new ArrayList<>(4);
        boolean higherThanRigid = higher || edge;
        rigidRules.add(RuleOutcome.about(RuleCode.NOT_HIGHER_PROGRAMME, !higherThanRigid, null, 0, 0,
                "低保、特困或低保边缘"));
        long annualPerCapita = n == 0 ? 0 : Math.multiplyExact(net, 12) / n;
        long disposable = Money.fenToMicro(p.disposableIncomeLastYearFen());
        boolean rigidIncome = n > 0 && Math.multiplyExact(net, 12) < Math.multiplyExact(disposable, n);
        rigidRules.add(RuleOutcome.of(RuleCode.RIGID_INCOME, rigidIncome, annualPerCapita, disposable));
        long expenses = 0;
        for (HouseholdSnapshot.Expense e : h.expenses()) {
            expenses += Money.fenToMicro(e.amountFen());
        }
        long annualIncome = Math.multiplyExact(gross, 12);
        long ratioBp = annualIncome == 0 ? (expenses > 0 ? Long.MAX_VALUE : 0)
                : Math.multiplyExact(expenses, 10_000) / annualIncome;
        boolean ratioOk = annualIncome == 0 ? expenses > 0
                : Math.multiplyExact(expenses, 10_000) > Math.multiplyExact(annualIncome, p.rigidRatioBp());
        rigidRules.add(RuleOutcome.of(RuleCode.RIGID_RATIO, ratioOk, Math.min(ratioBp, 99_999_999), p.rigidRatioBp()));
        rigidRules.addAll(rigidOwn);
        rigidRules.add(propertyOutcome(Programme.RIGID_EXPENDITURE, pr, rigidPropertyOk));
        boolean rigid = !higherThanRigid && rigidIncome && ratioOk && rigidPropertyOk;
        programmes.add(new ProgrammeResult(Programme.RIGID_EXPENDITURE, rigid, rigidRules));

        // ---- 临时救助: the caps that apply to this household ------------------------------------
        long cap = Math.multiplyExact(standardTotal, p.tempReliefCapHundredths()) / 100;
        long township = Math.multiplyExact(standardTotal, p.tempReliefTownshipHundredths()) / 100;
        // 支出型 (§7.1): income below last year's local disposable income, the rigid spending of the last 12
        // months beyond the local share of income, property within the 刚性支出 limits; 急难型 is not means-tested,
        // so the programme stays open to any household and TEMP_EXPENDITURE says whether the 支出型 holds.
        boolean expenditureType = n > 0 && rigidIncome && ratioOk && rigidPropertyOk;
        programmes.add(new ProgrammeResult(Programme.TEMP_RELIEF, n > 0, List.of(
                RuleOutcome.of(RuleCode.TEMP_CAP, n > 0, p.tempReliefCapHundredths(), cap),
                RuleOutcome.of(RuleCode.TEMP_TOWNSHIP, n > 0, p.tempReliefTownshipHundredths(), township),
                RuleOutcome.of(RuleCode.RIGID_INCOME, rigidIncome, annualPerCapita, disposable),
                RuleOutcome.of(RuleCode.RIGID_RATIO, ratioOk, Math.min(ratioBp, 99_999_999), p.rigidRatioBp()),
                propertyOutcome(Programme.RIGID_EXPENDITURE, pr, rigidPropertyOk),
                RuleOutcome.of(RuleCode.TEMP_EXPENDITURE, expenditureType, 0, 0))));

        // One application, one category: the first programme in order the household qualifies for
        // ("一次申请、分类审核认定"); its amount is the monthly benefit. 临时救助 is per incident.
        Programme category = null;
        BigDecimal monthly = ZERO;
        for (ProgrammeResult r : programmes) {
            if (r.eligible() && r.programme() != Programme.TEMP_RELIEF) {
                category = r.programme();
                monthly = r.amount();
                break;
            }
        }
        return new EligibilityResult(h.month(), p.standardId(), p.label(), n, gross, deductions, net, lines, property,
                programmes, category, monthly);
    }

    /**
     * A programme's property test: the 低保 result when it follows the 低保 limits, else its own limits
     * tested and listed in {@code out} (ADR 0019).
     */
    private static boolean programmeProperty(Programme programme, HouseholdSnapshot h, Parameters p, int n, long std,
                                             LocalDate first, boolean dibaoOk, List<RuleOutcome> out) {
        PropertyRules pr = p.propertyRules();
        if (!pr.ownLimits(programme)) {
            return dibaoOk;
        }
        return property(h.assets(), null, pr.of(programme, p), n, std, first, null, out);
    }

    /** The summary line of a programme's property test, naming its own limits if it has them. */
    private static RuleOutcome propertyOutcome(Programme programme, PropertyRules pr, boolean ok) {
        return pr.ownLimits(programme) ? RuleOutcome.about(RuleCode.PROPERTY, ok, null, 0, 0, programme.label())
                : RuleOutcome.of(RuleCode.PROPERTY, ok, 0, 0);
    }

    /**
     * The property of the household (or, with {@code owner}, only that person's own assets, as a household of
     * one) against one set of limits; each rule is added to {@code out} (with {@code subject} the owner's name).
     * Exempt items do not count.
     */
    private static boolean property(List<Asset> assets, Long owner, PropertyRules.Limits l, int n, long std,
                                    LocalDate first, String subject, List<RuleOutcome> out) {
        long money = 0;
        long vehicles = 0;
        long vehicleValue = 0;
        long homes = 0;
        long recentHomes = 0;
        long floorArea = 0;
        long capital = 0;
        long other = 0;
        long nonResidential = 0;
        for (Asset a : assets) {
            if (a.exempt() || owner != null && !owner.equals(a.personId())) {
                continue;
            }
            switch (a.kind()) {
                case DEPOSIT, SECURITIES, INSURANCE -> money += Money.fenToMicro(a.valueFen());
                case VEHICLE -> {
                    vehicles += a.quantity();
                    vehicleValue += Money.fenToMicro(a.valueFen());
                }
                case REAL_ESTATE -> {
                    homes += a.quantity();
                    floorArea += a.floorAreaHundredths();
                    if (l.recent(a.acquiredOn(), first)) {
                        recentHomes += a.quantity();
                    }
                }
                case BUSINESS_CAPITAL -> capital += Money.fenToMicro(a.valueFen());
                case OTHER -> other += Money.fenToMicro(a.valueFen());
                case NON_RESIDENTIAL -> nonResidential += a.quantity();
            }
        }
        boolean ok = true;
        long moneyLimit = Math.multiplyExact(Math.multiplyExact(std, 12L * Math.max(n, 1)),
                l.moneyAssetsMultipleHundredths()) / 100;
        boolean moneyOk = money <= moneyLimit;
        out.add(new RuleOutcome(RuleCode.MONEY_ASSETS, moneyOk, subject, money, moneyLimit, null,
                l.moneyAssetsMultipleHundredths(), Math.max(n, 1)));
        ok &= moneyOk;
        boolean vehiclesOk = vehicles <= l.maxVehicles();
        out.add(RuleOutcome.about(RuleCode.VEHICLES, vehiclesOk, subject, vehicles, l.maxVehicles(), null));
        ok &= vehiclesOk;
        if (l.maxVehicleValueFen() != null && vehicles > 0) {
            long limit = Money.fenToMicro(l.maxVehicleValueFen());
            boolean valueOk = vehicleValue <= limit;
            out.add(RuleOutcome.about(RuleCode.VEHICLE_VALUE, valueOk, subject, vehicleValue, limit, null));
            ok &= valueOk;
        }
        boolean homesOk = homes <= l.maxHomes();
        out.add(RuleOutcome.about(RuleCode.HOMES, homesOk, subject, homes, l.maxHomes(), null));
        ok &= homesOk;
        if (l.maxFloorAreaPerPersonHundredths() != null && n > 0 && homes > 0) {
            long perPerson = floorArea / n;
            boolean areaOk = floorArea <= l.maxFloorAreaPerPersonHundredths() * n;
            out.add(RuleOutcome.about(RuleCode.FLOOR_AREA, areaOk, subject, perPerson,
                    l.maxFloorAreaPerPersonHundredths(), null));
            ok &= areaOk;
        }
        long capitalLimit = Money.fenToMicro(l.maxBusinessCapitalFen());
        boolean capitalOk = capital <= capitalLimit;
        out.add(RuleOutcome.about(RuleCode.BUSINESS_CAPITAL, capitalOk, subject, capital, capitalLimit, null));
        ok &= capitalOk;
        if (l.maxOtherAssetsFen() != null) {
            long limit = Money.fenToMicro(l.maxOtherAssetsFen());
            boolean otherOk = other <= limit;
            out.add(RuleOutcome.about(RuleCode.OTHER_ASSETS, otherOk, subject, other, limit, null));
            ok &= otherOk;
        }
        if (l.recentHomeYears() != null) {
            boolean recentOk = recentHomes == 0;
            out.add(new RuleOutcome(RuleCode.RECENT_HOME, recentOk, subject, recentHomes, 0, null,
                    l.recentHomeYears(), 0));
            ok &= recentOk;
        }
        if (l.maxNonResidential() != null) {
            boolean nonResOk = nonResidential <= l.maxNonResidential();
            out.add(RuleOutcome.about(RuleCode.NON_RESIDENTIAL, nonResOk, subject, nonResidential,
                    l.maxNonResidential(), null));
            ok &= nonResOk;
        }
        return ok;
    }

    /** 特困: each counted member is assessed on the three conditions of D3 第四~七条. */
    private static ProgrammeResult tekun(HouseholdSnapshot h, Parameters p, CareSetting care, long[] ownIncome,
                                         long[] tekunIncome, boolean propertyOk, long std, List<RuleOutcome> rules) {
        List<BenefitLine> benefit = List.of();
        List<Member> persons = List.of();
        long total = 0;
        List<Member> people = h.members();
        boolean[] meetsOneAndTwo = new boolean[people.size()];
        for (int i = 0; i < people.size(); i++) {
            Member m = people.get(i);
            meetsOneAndTwo[i] = m.counted() && noLabourReason(m, p) != 0 && tekunIncome[i] < std && propertyOk;
        }
        for (int i = 0; i < people.size(); i++) {
            Member m = people.get(i);
            if (!m.counted()) {
                continue;
            }
            int why = noLabourReason(m, p);
            boolean noLabour = why != 0;
            rules.add(new RuleOutcome(RuleCode.TEKUN_NO_LABOUR, noLabour, m.name(), m.age(), p.tekunMinorAge(), null,
                    why, m.disabilityCategory() == null ? 0 : m.disabilityCategory() * 10L + m.disabilityGrade()));
            long own = tekunIncome[i];
            boolean noMeans = own < std && propertyOk;
            rules.add(RuleOutcome.about(RuleCode.TEKUN_NO_MEANS, noMeans, m.name(), own, std,
                    propertyOk ? null : p.propertyRules().ownLimits(Programme.TEKUN) ? "家庭财产超过特困人员财产限额"
                            : "家庭财产超过当地规定"));
            boolean noObligor = noAbleObligor(h, p, m, ownIncome, propertyOk, meetsOneAndTwo, rules);
            boolean meets = noLabour && noMeans && noObligor;
            if (m.childStatus() != null && !childMayBeTekun(m, meets, rules)) {
                continue;
            }
            if (meets) {
                if (persons.isEmpty()) {
                    persons = new ArrayList<>(2);
                    benefit = new ArrayList<>(4);
                }
                persons.add(m);
                long basic = Money.fenToMicro(p.tekunBasicFen());
                long careAmount = Money.fenToMicro(careFen(m, p, care));
                benefit.add(BenefitLine.of(Component.BASIC, m, basic));
                benefit.add(BenefitLine.care(m, care, careAmount));
                total += basic + careAmount;
            }
        }
        BigDecimal amount = persons.isEmpty() ? ZERO : Money.roundBenefit(total, p.rounding(), p.minBenefitFen());
        return ProgrammeResult.covering(Programme.TEKUN, rules, benefit, amount, persons);
    }

    /**
     * A 孤儿 / 事实无人抚养儿童 (ADR 0017): the report names his status and, when he meets the 特困 conditions,
     * his recorded choice. Who chose the child benefit is not a 特困 person (D3); while no choice is recorded
     * 特困 is held pending, so that the two benefits are never paid together. p1 the status (1 孤儿, 2 事实无人
     * 抚养儿童), p2 the choice (0 none, 1 特困, 2 child benefit), actual 1 when he meets the 特困 conditions.
     */
    private static boolean childMayBeTekun(Member m, boolean meets, List<RuleOutcome> rules) {
        int status = m.childStatus() == HouseholdSnapshot.ChildStatus.ORPHAN ? 1 : 2;
        int choice = m.childChoice() == null ? 0 : m.childChoice() == HouseholdSnapshot.ChildChoice.TEKUN ? 1 : 2;
        boolean may = !meets || choice == 1;
        rules.add(new RuleOutcome(RuleCode.TEKUN_CHILD_STATUS, may, m.name(), meets ? 1 : 0, 0, null, status, choice));
        return may;
    }

    /**
     * Why a member has no labour capacity (D3 第五条): 1 age ≥ 60, 2 minor, 3 in school under the local
     * school age, 4 disability; 0 none. The 60 is D3's own (not the local 分类施保 elderly age).
     */
    private static int noLabourReason(Member m, Parameters p) {
        if (m.age() >= TEKUN_ELDERLY_AGE) {
            return 1;
        }
        if (m.age() < p.tekunMinorAge()) {
            return 2;
        }
        if (m.age() < p.tekunSchoolAge() && (m.schooling() == Schooling.COMPULSORY || m.schooling() == Schooling.SENIOR
                || m.schooling() == Schooling.VOCATIONAL)) {
            return 3;
        }
        return m.noLabourByDisability() ? 4 : 0;
    }

    /**
     * 特困 condition 3 (D3 第七条, ADR 0025): each obligor of {@code m} — a spouse, parent or child living in
     * the household, and each recorded obligor outside it — is assessed and listed; the condition holds when
     * none can support. Checks stored before members carried relations keep the former rule for
     * co-residents (an adult of 18–59 with full labour capacity).
     */
    private static boolean noAbleObligor(HouseholdSnapshot h, Parameters p, Member m, long[] ownIncome,
                                         boolean propertyOk, boolean[] meetsOneAndTwo, List<RuleOutcome> rules) {
        List<Member> people = h.members();
        String able = null;
        int kind = 0; // 0 none can support, 1 a co-resident can, 2 an obligor outside can, 3 one is not yet verified
        for (int j = 0; j < people.size(); j++) {
            Member other = people.get(j);
            if (other.personId() == m.personId()) {
                continue;
            }
            if (m.relation() == null) {
                if (kind == 0 && other.counted() && other.age() >= 18 && other.age() < 60
                        && other.labour() == HouseholdSnapshot.Labour.FULL && !other.noLabourByDisability()) {
                    able = other.name();
                    kind = 1;
                }
                continue;
            }
            if (!SupportDuty.owes(m, other)) {
                continue;
            }
            SupportDuty.Finding f = SupportDuty.coResident(other, ownIncome[j], propertyOk, meetsOneAndTwo[j], p);
            rules.add(new RuleOutcome(RuleCode.TEKUN_OBLIGOR, f.unable(), m.name(), other.age(), 0, other.name(),
                    f.basis(), f.outcome()));
            if (!f.unable() && kind == 0) {
                able = other.name();
                kind = 1;
            }
        }
        for (HouseholdSnapshot.Obligor o : h.obligors()) {
            if (o.supportedPersonId() != null && o.supportedPersonId() != m.personId()) {
                continue;
            }
            SupportDuty.Finding f = SupportDuty.external(o, p);
            if (o.status() != null) {
                rules.add(new RuleOutcome(RuleCode.TEKUN_OBLIGOR, f.unable(), m.name(),
                        o.age() == null ? -1 : o.age(), 0, o.overrideReason() == null ? o.name()
                        : o.name() + "（" + o.overrideReason() + "）", f.basis(), f.outcome()));
            }
            if (!f.unable() && kind == 0) {
                able = o.name();
                kind = f.outcome() == SupportDuty.UNDECIDED ? 3 : 2;
            }
        }
        rules.add(new RuleOutcome(RuleCode.TEKUN_NO_OBLIGOR, kind == 0, m.name(), 0, 0, able, kind, 0));
        return kind == 0;
    }

    /** How an item's exclusion category is treated in the month, per programme, in words (ADR 0021). */
    private static String exclusionDetail(IncomeRules.Exclusion x, boolean outDibao, boolean outTekun,
                                          LocalDate first) {
        if (x == null) {
            return "低保、特困均不计入";
        }
        String dibao = outDibao ? "低保不计入" : ended(x.dibao(), x.dibaoUntil(), first, "低保");
        String tekun = outTekun ? "特困不计入" : ended(x.tekun(), x.tekunUntil(), first, "特困");
        return dibao + "；" + tekun;
    }

    private static String ended(boolean excluded, LocalDate until, LocalDate first, String programme) {
        return excluded && until != null && until.isBefore(first)
                ? programme + "不计入至 " + until + " 止，自 " + until.plusDays(1) + " 起重新计入"
                : programme + "计入";
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "；" + b;
    }

    private static int indexOf(List<Member> people, long personId) {
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).personId() == personId) {
                return i;
            }
        }
        return -1;
    }

    private static long careFen(Member m, Parameters p, CareSetting care) {
        HouseholdSnapshot.SelfCare tier = m.selfCare() == null ? HouseholdSnapshot.SelfCare.SELF_CARE : m.selfCare();
        boolean home = care == CareSetting.HOME;
        return switch (tier) {
            case SELF_CARE -> home ? p.careHomeSelfFen() : p.careInstSelfFen();
            case PARTIAL -> home ? p.careHomePartialFen() : p.careInstPartialFen();
            case FULL -> home ? p.careHomeFullFen() : p.careInstFullFen();
        };
    }

    /**
     * 单人保 (D2 第八条, ADR 0018): a member of a qualifying group (a local setting) in a 边缘 household, assessed
     * alone; and, in the alone mode (阜新), an adult without employment in such a group whatever the family's
     * income and property, on his own income (below the standard) and own property (the 单人保 limits, one person).
     */
    private static ProgrammeResult single(HouseholdSnapshot h, Parameters p, long[] ownIncome, boolean dibao,
                                          boolean tekun, boolean edgeBand, long net, long edgeCeiling, long std,
                                          LocalDate first) {
        SingleRules s = p.single();
        List<RuleOutcome> rules = new ArrayList<>();
        List<BenefitLine> lines = new ArrayList<>();
        List<Member> persons = new ArrayList<>();
        boolean higher = dibao || tekun;
        rules.add(RuleOutcome.about(RuleCode.NOT_HIGHER_PROGRAMME, !higher, null, 0, 0, "低保或特困"));
        if (p.singleRequiresEdge()) {
            rules.add(RuleOutcome.of(RuleCode.SINGLE_EDGE_BAND, edgeBand, net, edgeCeiling));
        }
        boolean householdOk = !higher && (edgeBand || !p.singleRequiresEdge());
        PropertyRules.Limits ownLimits = p.propertyRules().of(Programme.DIBAO_SINGLE, p);
        long total = 0;
        List<Member> people = h.members();
        for (int i = 0; i < people.size(); i++) {
            Member m = people.get(i);
            if (!m.counted()) {
                continue;
            }
            String group = s.group(m);
            rules.add(RuleOutcome.about(RuleCode.SINGLE_GROUP, group != null, m.name(), 0, 0, group));
            boolean covered = householdOk && group != null;
            if (!covered && s.alone() && !higher && group != null) {
                covered = alone(h, m, ownIncome[i], s, ownLimits, std, first, rules);
            }
            if (covered) {
                long base = p.singleBasis() == SingleBasis.SHARE
                        ? p.dibaoFen() * p.singleShareBp()
                        : Math.max(0, std - ownIncome[i]);
                if (base <= 0) {
                    continue;
                }
                persons.add(m);
                lines.add(BenefitLine.of(p.singleBasis() == SingleBasis.SHARE ? Component.SHARE : Component.GAP, m, base));
                long topUp = topUp(m, p);
                if (topUp > 0) {
                    lines.add(BenefitLine.of(Component.TOPUP, m, topUp));
                }
                total += base + topUp;
            }
        }
        BigDecimal amount = persons.isEmpty() ? ZERO : Money.roundBenefit(total, p.rounding(), p.minBenefitFen());
        return ProgrammeResult.covering(Programme.DIBAO_SINGLE, rules, lines, amount, persons);
    }

    /** The alone mode's own conditions for one person of a qualifying group, each listed. */
    private static boolean alone(HouseholdSnapshot h, Member m, long own, SingleRules s, PropertyRules.Limits limits,
                                 long std, LocalDate first, List<RuleOutcome> rules) {
        boolean adult = m.age() >= s.adultAge();
        rules.add(RuleOutcome.about(RuleCode.SINGLE_ADULT, adult, m.name(), m.age(), s.adultAge(), null));
        HouseholdSnapshot.Employment work = m.employment() == null ? HouseholdSnapshot.Employment.UNKNOWN
                : m.employment();
        boolean noWork = work.none();
        rules.add(RuleOutcome.about(RuleCode.SINGLE_NO_EMPLOYMENT, noWork, m.name(), 0, 0, work.name()));
        boolean incomeOk = own < std;
        rules.add(RuleOutcome.about(RuleCode.SINGLE_OWN_INCOME, incomeOk, m.name(), own, std, null));
        boolean propertyOk = property(h.assets(), m.personId(), limits, 1, std, first, m.name(), rules);
        rules.add(RuleOutcome.about(RuleCode.SINGLE_OWN_PROPERTY, propertyOk, m.name(), 0, 0, null));
        return adult && noWork && incomeOk && propertyOk;
    }

    /** 分类施保 group bits of {@link #topUpGroups}, as kept on a benefit ({@code benefit.basis_topup_groups}). */
    public static final int ELDERLY = 1, MINOR = 2, SEVERELY_DISABLED = 4, SERIOUSLY_ILL = 8;

    /**
     * The 分类施保 groups a person is in as bits: elderly (from the local elderly age, 60 nationally),
     * minor (under the local minor age, 18 nationally), severely disabled, seriously ill.
     */
    public static int topUpGroups(Member m, Parameters p) {
        return (m.age() >= p.topUpElderlyAge() ? ELDERLY : 0) | (m.age() < p.topUpMinorAge() ? MINOR : 0)
                | (m.severelyDisabled() ? SEVERELY_DISABLED : 0) | (m.seriousIllness() ? SERIOUSLY_ILL : 0);
    }

    /** 分类施保 for one person: the highest applicable top-up once, or all of them stacked. */
    static long topUp(Member m, Parameters p) {
        int groups = topUpGroups(m, p);
        long std = p.dibaoFen();
        long e = (groups & ELDERLY) != 0 ? p.elderly().microYuan(std) : 0;
        long y = (groups & MINOR) != 0 ? p.minor().microYuan(std) : 0;
        long d = (groups & SEVERELY_DISABLED) != 0 ? p.disability().microYuan(std) : 0;
        long i = (groups & SERIOUSLY_ILL) != 0 ? p.illness().microYuan(std) : 0;
        return p.stacking() == TopUpStacking.STACK ? e + y + d + i : Math.max(Math.max(e, y), Math.max(d, i));
    }
}
