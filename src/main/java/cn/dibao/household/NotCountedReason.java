package cn.dibao.household;

/**
 * Why a member of the household is not a 共同生活 member for assistance (domain-rules §4.1, ADR 0016). The
 * first four are facts about the person (his flags): while one holds he is not counted unless the caseworker
 * counts him with a reason. The others are the caseworker's own decision on the membership.
 */
public enum NotCountedReason {
    SERVING_SENTENCE, COMPULSORY_REHAB, DECLARED_MISSING, CLERGY_APART, NOT_LIVING_TOGETHER, POSTGRADUATE, LOCAL_RULE;

    /** Whether this reason is one of the person's flags rather than a decision on the membership. */
    public boolean isFlag() {
        return ordinal() <= CLERGY_APART.ordinal();
    }

    /** The first flag that holds (in the order of §4.1), or null. */
    static NotCountedReason flagOf(boolean servingSentence, boolean compulsoryRehab, boolean declaredMissing,
                                   boolean clergyApart) {
        return servingSentence ? SERVING_SENTENCE : compulsoryRehab ? COMPULSORY_REHAB
                : declaredMissing ? DECLARED_MISSING : clergyApart ? CLERGY_APART : null;
    }

    /** Whether the person has the flag this reason names (false for a membership reason). */
    static boolean holds(NotCountedReason r, boolean servingSentence, boolean compulsoryRehab,
                         boolean declaredMissing, boolean clergyApart) {
        return switch (r) {
            case SERVING_SENTENCE -> servingSentence;
            case COMPULSORY_REHAB -> compulsoryRehab;
            case DECLARED_MISSING -> declaredMissing;
            case CLERGY_APART -> clergyApart;
            default -> false;
        };
    }
}
