package cn.dibao.household;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.Instant;

/** A line of a household's change history, shown on its page. */
@Entity
@Table(name = "household_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class HouseholdChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long householdId;
    private Instant changedAt;
    private String changedBy;
    private String changeType;
    private String summary;

    HouseholdChange(Long householdId, Instant at, String by, String type, String summary) {
        this.householdId = householdId;
        this.changedAt = at;
        this.changedBy = by;
        this.changeType = type;
        this.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
    }
}
