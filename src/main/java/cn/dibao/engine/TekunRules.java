package cn.dibao.engine;

import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.engine.EligibilityResult.BenefitLine;
import cn.dibao.engine.EligibilityResult.BenefitLine.Component;
import cn.dibao.engine.EligibilityResult.ProgrammeResult;
import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.Schooling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** 特困 (D3 第四~七条, ADR 0017, 0025): no labour capacity, no means, no obligor able to support, per person. */
final class TekunRules {

    private TekunRules() {
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** D3 第五条: from this age a person has no labour capacity, nationally. */
    private static final int TEKUN_ELDERLY_AGE = 60;

    /** 特困: each counted member is assessed on the three conditions of D3 第四~七条. */
    static ProgrammeResult tekun(HouseholdSnapshot h, Parameters p, CareSetting care, long[] ownIncome,
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

    private static long careFen(Member m, Parameters p, CareSetting care) {
        HouseholdSnapshot.SelfCare tier = m.selfCare() == null ? HouseholdSnapshot.SelfCare.SELF_CARE : m.selfCare();
        boolean home = care == CareSetting.HOME;
        return switch (tier) {
            case SELF_CARE -> home ? p.careHomeSelfFen() : p.careInstSelfFen();
            case PARTIAL -> home ? p.careHomePartialFen() : p.careInstPartialFen();
            case FULL -> home ? p.careHomeFullFen() : p.careInstFullFen();
        };
    }

}
