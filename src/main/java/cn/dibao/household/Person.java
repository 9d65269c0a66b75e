package cn.dibao.household;

import cn.dibao.common.identity.IdType;
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

import java.time.LocalDate;

/** A person known to the registry, identified by document type and number. */
@Entity
@Table(name = "person")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Person extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    @Enumerated(EnumType.STRING)
    private IdType idType;
    private String idNumber;
    private char sex;
    private LocalDate birthDate;
    private String phone;
    private String ethnicity;
    private Short disabilityCategory;
    private Short disabilityGrade;
    private String disabilityCertNo;
    private Boolean canEat;
    private Boolean canDress;
    private Boolean canTransfer;
    private Boolean canToilet;
    private Boolean canWalkIndoors;
    private Boolean canBathe;
    @Enumerated(EnumType.STRING)
    private SelfCareTier selfCareTier;
    private LocalDate selfCareAssessedOn;
    private boolean seriousIllness;
    private String seriousIllnessNote;
    @Enumerated(EnumType.STRING)
    private LabourAbility labourAbility;
    @Enumerated(EnumType.STRING)
    private Employment employment;
    @Enumerated(EnumType.STRING)
    private StudentLevel studentLevel;
    private boolean servingSentence;
    private boolean compulsoryRehab;
    private boolean declaredMissing;
    private boolean clergyApart;
    @Enumerated(EnumType.STRING)
    private ChildStatus childStatus;
    @Enumerated(EnumType.STRING)
    private ChildProgramme childProgramme;

    Person(PersonData d, IdType type, String normalizedId, char sex, LocalDate birthDate) {
        apply(d, type, normalizedId, sex, birthDate);
    }

    /** Applies validated data; ID type/number, sex and birth date arrive already checked and derived. */
    void apply(PersonData d, IdType type, String normalizedId, char sex, LocalDate birthDate) {
        this.name = d.name().trim();
        this.idType = type;
        this.idNumber = normalizedId;
        this.sex = sex;
        this.birthDate = birthDate;
        this.phone = d.phone();
        this.ethnicity = d.ethnicity();
        this.disabilityCategory = d.disabilityCategory() == null ? null : d.disabilityCategory().shortValue();
        this.disabilityGrade = d.disabilityGrade() == null ? null : d.disabilityGrade().shortValue();
        this.disabilityCertNo = d.disabilityCertNo();
        this.canEat = d.canEat();
        this.canDress = d.canDress();
        this.canTransfer = d.canTransfer();
        this.canToilet = d.canToilet();
        this.canWalkIndoors = d.canWalkIndoors();
        this.canBathe = d.canBathe();
        this.selfCareTier = SelfCareTier.of(canEat, canDress, canTransfer, canToilet, canWalkIndoors, canBathe);
        this.selfCareAssessedOn = d.selfCareAssessedOn();
        this.seriousIllness = Boolean.TRUE.equals(d.seriousIllness());
        this.seriousIllnessNote = d.seriousIllnessNote();
        this.labourAbility = d.labourAbility() == null ? LabourAbility.FULL : d.labourAbility();
        this.employment = d.employment() == null ? Employment.UNKNOWN : d.employment();
        this.studentLevel = d.studentLevel() == null ? StudentLevel.NONE : d.studentLevel();
        this.servingSentence = Boolean.TRUE.equals(d.servingSentence());
        this.compulsoryRehab = Boolean.TRUE.equals(d.compulsoryRehab());
        this.declaredMissing = Boolean.TRUE.equals(d.declaredMissing());
        this.clergyApart = Boolean.TRUE.equals(d.clergyApart());
        this.childStatus = d.childStatus();
        this.childProgramme = d.childProgramme();
    }

    /** The §4.1 flag that keeps him out of the 共同生活 members, or null (ADR 0016). */
    NotCountedReason flag() {
        return NotCountedReason.flagOf(servingSentence, compulsoryRehab, declaredMissing, clergyApart);
    }

    boolean has(NotCountedReason reason) {
        return NotCountedReason.holds(reason, servingSentence, compulsoryRehab, declaredMissing, clergyApart);
    }
}
