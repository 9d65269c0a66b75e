package cn.dibao.engine;

import cn.dibao.engine.EligibilityResult.BenefitLine;
import cn.dibao.engine.EligibilityResult.BenefitLine.Component;
import cn.dibao.engine.EligibilityResult.ProgrammeResult;
import cn.dibao.engine.HouseholdSnapshot.Member;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 单人保 (D2 第八条 and the local alone mode, ADR 0018): who is assessed alone, and the benefit. */
final class SinglePersonRules {

    private SinglePersonRules() {
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /**
     * 单人保 (D2 第八条, ADR 0018): a member of a qualifying group (a local setting) in a 边缘 household, assessed
     * alone; and, in the alone mode (阜新), an adult without employment in such a group whatever the family's
     * income and property, on his own income (below the standard) and own property (the 单人保 limits, one person).
     */
    static ProgrammeResult single(HouseholdSnapshot h, Parameters p, long[] ownIncome, boolean dibao,
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
                long topUp = EligibilityEngine.topUp(m, p);
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
        boolean propertyOk = PropertyTests.property(h.assets(), m.personId(), limits, 1, std, first, m.name(), rules);
        rules.add(RuleOutcome.about(RuleCode.SINGLE_OWN_PROPERTY, propertyOk, m.name(), 0, 0, null));
        return adult && noWork && incomeOk && propertyOk;
    }

}
