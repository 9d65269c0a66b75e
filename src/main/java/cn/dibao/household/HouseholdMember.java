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
    private LocalDate joinedOn;
    private LocalDate leftOn;
    private String leftReason;

    HouseholdMember(Long householdId, Person person, Relation relation, boolean counted, NotCountedReason reason,
                    LocalDate joinedOn) {
        this.householdId = householdId;
        this.person = person;
        this.relation = relation;
        this.joinedOn = joinedOn;
        setCounting(counted, reason);
    }

    void change(Relation relation, boolean counted, NotCountedReason reason) {
        this.relation = relation;
        setCounting(counted, reason);
    }

    void change(Relation relation, boolean counted, NotCountedReason reason, LocalDate joinedOn) {
        change(relation, counted, reason);
        this.joinedOn = joinedOn;
    }

    private void setCounting(boolean counted, NotCountedReason reason) {
        this.counted = counted;
        this.notCountedReason = counted ? null : reason;
    }

    void leave(LocalDate on, String reason) {
        this.leftOn = on.isBefore(joinedOn) ? joinedOn : on;
        this.leftReason = reason;
    }

    boolean isCurrent() {
        return leftOn == null;
    }
}
