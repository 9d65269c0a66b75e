package cn.dibao.household;

import cn.dibao.common.jpa.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.LocalDate;

/**
 * A person's membership of a household over time. Counting as a 共同生活 member is separate
 * from living at the address or sharing the 户口簿.
 */
@Entity
@Table(name = "household_member")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class HouseholdMember extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long householdId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Enumerated(EnumType.STRING)
    private Relation relation;
    private boolean counted = true;
    @Enumerated(EnumType.STRING)
    private NotCountedReason notCountedReason;
    /** Why a person with a §4.1 flag is counted all the same (ADR 0016); null otherwise. */
    private String countOverrideReason;
    private LocalDate joinedOn;
    private LocalDate leftOn;
    private String leftReason;

    HouseholdMember(Long householdId, Person person, Relation relation, boolean counted, NotCountedReason reason,
                    String overrideReason, LocalDate joinedOn) {
        this.householdId = householdId;
        this.person = person;
        this.relation = relation;
        this.joinedOn = joinedOn;
        setCounting(counted, reason, overrideReason);
    }

    /** A new relation; the counting stays. */
    void relate(Relation relation) {
        this.relation = relation;
    }

    void change(Relation relation, boolean counted, NotCountedReason reason, String overrideReason,
                LocalDate joinedOn) {
        this.relation = relation;
        setCounting(counted, reason, overrideReason);
        this.joinedOn = joinedOn;
    }

    /**
     * After the person's flags changed (ADR 0016): a reason that named a flag he no longer has, and an
     * override when no flag is left, no longer hold, so he counts as the caseworker decided otherwise.
     * True when something changed.
     */
    boolean followFlags() {
        boolean changed = false;
        if (!counted && notCountedReason != null && notCountedReason.isFlag() && !person.has(notCountedReason)) {
            setCounting(true, null, null);
            changed = true;
        }
        if (countOverrideReason != null && person.flag() == null) {
            countOverrideReason = null;
            changed = true;
        }
        return changed;
    }

    /** Counted in checks: a flagged person only with an override (ADR 0016). */
    boolean countsInChecks() {
        return counted && (person.flag() == null || countOverrideReason != null);
    }

    private void setCounting(boolean counted, NotCountedReason reason, String overrideReason) {
        this.counted = counted;
        this.notCountedReason = counted ? null : reason;
        this.countOverrideReason = counted && overrideReason != null && !overrideReason.isBlank()
                ? overrideReason.trim() : null;
    }

    void leave(LocalDate on, String reason) {
        this.leftOn = on.isBefore(joinedOn) ? joinedOn : on;
        this.leftReason = reason;
    }

    boolean isCurrent() {
        return leftOn == null;
    }
}
