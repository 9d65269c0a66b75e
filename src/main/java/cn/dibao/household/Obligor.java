package cn.dibao.household;

import cn.dibao.common.identity.IdType;
import cn.dibao.common.jpa.AuditedEntity;
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

import java.math.BigDecimal;

/** 赡养/抚养/扶养义务人 living elsewhere: recorded with the household, never counted as a member. */
@Entity
@Table(name = "obligor")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Obligor extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long householdId;
    private String name;
    @Enumerated(EnumType.STRING)
    private IdType idType;
    private String idNumber;
    @Enumerated(EnumType.STRING)
    private ObligorRelation relation;
    private Long supportedPersonId;
    private String address;
    @Enumerated(EnumType.STRING)
    private AbleToSupport ableToSupport;
    private BigDecimal monthlySupport;
    private String note;
    private java.time.LocalDate birthDate;
    private BigDecimal monthlyIncome;
    private Short disabilityCategory;
    private Short disabilityGrade;
    @Enumerated(EnumType.STRING)
    private ObligorStatus status;
    private Boolean propertyWithinLimits;
    private String overrideReason;

    Obligor(Long householdId, ObligorData d, String normalizedId, java.time.LocalDate birthDate) {
        this.householdId = householdId;
        apply(d, normalizedId, birthDate);
    }

    /** Every field from {@code d} (as checked by the service): an edit replaces the record's facts whole. */
    void apply(ObligorData d, String normalizedId, java.time.LocalDate birthDate) {
        this.name = d.name().trim();
        this.idType = d.idType() == null ? IdType.RESIDENT_ID : d.idType();
        this.idNumber = normalizedId;
        this.relation = d.relation();
        this.supportedPersonId = d.supportedPersonId();
        this.address = d.address();
        this.ableToSupport = d.ableToSupport() == null ? AbleToSupport.UNKNOWN : d.ableToSupport();
        this.monthlySupport = d.monthlySupport();
        this.note = d.note();
        this.birthDate = birthDate;
        this.monthlyIncome = d.monthlyIncome();
        this.disabilityCategory = d.disabilityCategory() == null ? null : d.disabilityCategory().shortValue();
        this.disabilityGrade = d.disabilityGrade() == null ? null : d.disabilityGrade().shortValue();
        this.status = d.status() == null ? ObligorStatus.NONE : d.status();
        this.propertyWithinLimits = d.propertyWithinLimits();
        this.overrideReason = d.overrideReason() == null || d.overrideReason().isBlank() ? null
                : d.overrideReason().trim();
    }
}
