package cn.dibao.engine;

import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.Obligor;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;

/**
 * 特困 condition 3 (D3 第七条, ADR 0025): whether a 法定赡养、抚养、扶养义务人 can support. He cannot when one
 * listed case holds: he is 特困; a 低保 recipient aged 60+; aged 70+ with own income below last year's local
 * per-capita disposable income and property within the limits; 重度残疾 (or grade-3 intellectual or mental)
 * with the same income and property tests; without civil capacity, declared missing or in prison with
 * property within the limits. A caseworker's decision with a reason overrides the facts.
 */
final class SupportDuty {

    /** Why (the rule's {@code p1}): the case that holds, or why he is taken as able or undecided. */
    static final int ABLE_NO_CASE = 0;
    static final int TEKUN = 1;
    static final int DIBAO_60 = 2;
    static final int AGE_70 = 3;
    static final int DISABLED = 4;
    static final int STATUS = 5;
    static final int OWN_TEKUN = 6;
    static final int OVERRIDE = 7;
    static final int NO_FACTS = 8;

    /** The finding (the rule's {@code p2}). */
    static final int ABLE = 0;
    static final int UNABLE = 1;
    static final int UNDECIDED = 2;

    record Finding(int outcome, int basis) {

        boolean unable() {
            return outcome == UNABLE;
        }
    }

    private SupportDuty() {
    }

    /** An obligor recorded outside the household. */
    static Finding external(Obligor o, Parameters p) {
        if (o.ability() == ObligorAbility.YES) {
            return new Finding(ABLE, OVERRIDE);
        }
        if (o.ability() == ObligorAbility.NO) {
            return new Finding(UNABLE, OVERRIDE);
        }
        if (o.status() == null) {
            return new Finding(UNABLE, NO_FACTS); // a check stored before the facts: "unknown" was not able
        }
        if (o.age() == null && o.incomeFen() == null && o.disabilityGrade() == null && "NONE".equals(o.status())) {
            return new Finding(UNDECIDED, NO_FACTS);
        }
        int basis = unableBecause(o.status(), o.age() == null ? -1 : o.age(),
                o.incomeFen() == null ? null : Money.fenToMicro(o.incomeFen()), o.disabilityCategory(),
                o.disabilityGrade(), Boolean.TRUE.equals(o.propertyWithinLimits()), p);
        return basis == ABLE_NO_CASE ? new Finding(ABLE, ABLE_NO_CASE) : new Finding(UNABLE, basis);
    }

    /**
     * A spouse, parent or child living in the household: his own income and the household's property; he
     * cannot support when he meets 特困 conditions 1 and 2 himself, or a listed case holds.
     */
    static Finding coResident(Member m, long ownIncomeMicro, boolean propertyOk, boolean meetsOwnTekun,
                              Parameters p) {
        if (meetsOwnTekun) {
            return new Finding(UNABLE, OWN_TEKUN);
        }
        String status = m.notCountedReason() == null ? "NONE" : switch (m.notCountedReason()) {
            case "SERVING_SENTENCE" -> "SERVING_SENTENCE";
            case "DECLARED_MISSING" -> "MISSING";
            default -> "NONE";
        };
        int basis = unableBecause(status, m.age(), ownIncomeMicro, m.disabilityCategory(), m.disabilityGrade(),
                propertyOk, p);
        return basis == ABLE_NO_CASE ? new Finding(ABLE, ABLE_NO_CASE) : new Finding(UNABLE, basis);
    }

    private static int unableBecause(String status, int age, Long incomeMicro, Integer category, Integer grade,
                                     boolean propertyOk, Parameters p) {
        if ("TEKUN".equals(status)) {
            return TEKUN;
        }
        if ("DIBAO".equals(status) && age >= 60) {
            return DIBAO_60;
        }
        boolean lowIncome = incomeMicro != null && Math.multiplyExact(incomeMicro, 12)
                < Money.fenToMicro(p.disposableIncomeLastYearFen());
        if (age >= 70 && lowIncome && propertyOk) {
            return AGE_70;
        }
        if (HouseholdSnapshot.severe(category, grade) && lowIncome && propertyOk) {
            return DISABLED;
        }
        if (("INCAPACITATED".equals(status) || "MISSING".equals(status) || "SERVING_SENTENCE".equals(status))
                && propertyOk) {
            return STATUS;
        }
        return ABLE_NO_CASE;
    }

    /**
     * Whether {@code other} owes {@code m} support by relation (both relations are to the head): spouses,
     * parent and child (the head's child is the spouse's child or stepchild). Pairs the relations to the
     * head do not settle (a grandchild and a child, a parent and a grandparent) and siblings or in-laws
     * are not taken as obligors here; the caseworker records such a person as an obligor instead.
     */
    static boolean owes(Member m, Member other) {
        return related(m.relation(), other.relation()) || related(other.relation(), m.relation());
    }

    private static boolean related(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return switch (a) {
            case "HEAD" -> b.equals("SPOUSE") || b.equals("CHILD") || b.equals("PARENT");
            case "SPOUSE" -> b.equals("CHILD");
            default -> false;
        };
    }
}
