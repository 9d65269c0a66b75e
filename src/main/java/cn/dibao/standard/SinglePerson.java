package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 单人保 (ADR 0018): whether the alone mode (阜新: an adult without employment in a qualifying group applies as a
 * household of one, whatever the family's income and property) is on, from which age, and which groups qualify
 * in both modes: 重特大疾病, disability of any category up to a grade, intellectual or mental disability up to a
 * grade (0: none). The amount is the 单人保 basis and share of {@link EdgeAndSingle}; the property limits those
 * of 单人保 in {@link ProgrammeProperty}.
 */
@Embeddable
public record SinglePerson(
        @Column(nullable = false) boolean singleAlone,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false) @WholeNumber(min = 14, max = 25) Integer singleAdultAge,
        @Column(nullable = false) boolean singleIllness,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false) @WholeNumber(min = 0, max = 4) Integer singleDisabilityGrade,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false) @WholeNumber(min = 0, max = 4) Integer singleMentalGrade) {

    /** The national defaults (V30): D2 only; grade 1–2 of any category, grade 3 intellectual/mental, 重病. */
    static SinglePerson defaults() {
        return new SinglePerson(false, 18, true, 2, 3);
    }
}
