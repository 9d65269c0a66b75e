package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.BenefitLine;
import cn.dibao.engine.EligibilityResult.BenefitLine.Component;
import cn.dibao.engine.EligibilityResult.IncomeLine;
import cn.dibao.engine.EligibilityResult.LineStatus;
import cn.dibao.engine.EligibilityResult.ProgrammeResult;
import cn.dibao.engine.HouseholdSnapshot.Deduction;
import cn.dibao.engine.HouseholdSnapshot.Income;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Member;

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
        boolean propertyOk = PropertyTests.property(h.assets(), null, pr.dibao(p), n, std, first, null, property);
        List<RuleOutcome> tekunHead = new ArrayList<>();
        boolean tekunPropertyOk = PropertyTests.programmeProperty(Programme.TEKUN, h, p, n, std, first, propertyOk, tekunHead);
        List<RuleOutcome> edgeOwn = new ArrayList<>(0);
        boolean edgePropertyOk = PropertyTests.programmeProperty(Programme.DIBAO_EDGE, h, p, n, std, first, propertyOk, edgeOwn);
        List<RuleOutcome> rigidOwn = new ArrayList<>(0);
        boolean rigidPropertyOk = PropertyTests.programmeProperty(Programme.RIGID_EXPENDITURE, h, p, n, std, first, propertyOk,
                rigidOwn);

        List<ProgrammeResult> programmes = new ArrayList<>(6);
        long standardTotal = Math.multiplyExact(std, n);

        // ---- 特困 ------------------------------------------------------------------------------
        ProgrammeResult tekun = TekunRules.tekun(h, p, care, ownIncome, tekunIncome, tekunPropertyOk, std, tekunHead);
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
        programmes.add(SinglePersonRules.single(h, p, ownIncome, dibao, tekun.eligible(), edgeBand, net, edgeCeiling, std, first));

        // ---- 低保边缘 ---------------------------------------------------------------------------
        List<RuleOutcome> edgeRules = new ArrayList<>(4);
        boolean higher = dibao || tekun.eligible();
        edgeRules.add(RuleOutcome.about(RuleCode.NOT_HIGHER_PROGRAMME, !higher, null, 0, 0, "低保或特困"));
        edgeRules.add(RuleOutcome.of(RuleCode.EDGE_FLOOR, n > 0 && net >= standardTotal, net, standardTotal));
        edgeRules.add(RuleOutcome.of(RuleCode.EDGE_CEILING, n > 0 && net < edgeCeiling, net, edgeCeiling,
                p.edgeMultiplierHundredths(), n));
        edgeRules.addAll(edgeOwn);
        edgeRules.add(PropertyTests.propertyOutcome(Programme.DIBAO_EDGE, pr, edgePropertyOk));
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
        rigidRules.add(PropertyTests.propertyOutcome(Programme.RIGID_EXPENDITURE, pr, rigidPropertyOk));
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
                PropertyTests.propertyOutcome(Programme.RIGID_EXPENDITURE, pr, rigidPropertyOk),
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

    static int indexOf(List<Member> people, long personId) {
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).personId() == personId) {
                return i;
            }
        }
        return -1;
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
