package cn.dibao.household;

import cn.dibao.common.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** 一户一档: one file per household. */
@Entity
@Table(name = "household")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Household extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String areaCode;
    private String address;
    @Enumerated(EnumType.STRING)
    private HukouType hukouType;
    private String residenceAddress;
    @Enumerated(EnumType.STRING)
    private HouseholdStatus status = HouseholdStatus.ACTIVE;
    private Long headPersonId;
    private String grid;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(30)[]")
    private String[] tags = new String[0];
    private String closedReason;

    Household(HouseholdData d) {
        apply(d);
    }

    void apply(HouseholdData d) {
        this.areaCode = d.areaCode();
        this.address = d.address().trim();
        this.hukouType = d.hukouType();
        this.residenceAddress = d.residenceAddress();
        this.grid = d.grid();
        setTags(d.tags());
    }

    Set<HouseholdTag> tagSet() {
        EnumSet<HouseholdTag> set = EnumSet.noneOf(HouseholdTag.class);
        Arrays.stream(tags).forEach(t -> set.add(HouseholdTag.valueOf(t)));
        return set;
    }

    private void setTags(Collection<HouseholdTag> newTags) {
        this.tags = newTags == null ? new String[0] : newTags.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    void headIs(Long personId) {
        this.headPersonId = personId;
    }

    void close(String reason) {
        this.status = HouseholdStatus.CLOSED;
        this.closedReason = reason;
    }
}
