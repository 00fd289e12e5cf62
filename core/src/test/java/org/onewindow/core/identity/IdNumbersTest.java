package org.onewindow.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumbersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void computesTheGb11643CheckCharacter() {
        // the standard's own worked example: 11010519491231002X
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void acceptsAValidNumberAndReadsItsBirthDate() {
        IdNumberCheck check = IdNumbers.check("11010519491231002X", TODAY);
        assertThat(check.valid()).isTrue();
        assertThat(check.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void acceptsALowerCaseX() {
        assertThat(IdNumbers.check("11010519491231002x", TODAY).valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, WRONG_CHECK_DIGIT",
            "11010519491231002, WRONG_LENGTH",
            "1101051949123100AX, BAD_CHARACTERS",
            "990105194912310021, UNKNOWN_REGION",
            "110105194902300021, IMPOSSIBLE_BIRTH_DATE",
            "110105203001010021, IMPOSSIBLE_BIRTH_DATE",
            "110105180001010021, IMPOSSIBLE_BIRTH_DATE"
    })
    void namesTheFirstBrokenRule(String number, IdNumberCheck.Problem expected) {
        IdNumberCheck check = IdNumbers.check(number, TODAY);
        assertThat(check.valid()).isFalse();
        assertThat(check.problem()).isEqualTo(expected);
    }

    @Test
    void rejectsEmptyInput() {
        assertThat(IdNumbers.check("  ", TODAY).problem()).isEqualTo(IdNumberCheck.Problem.EMPTY);
        assertThat(IdNumbers.check(null, TODAY).problem()).isEqualTo(IdNumberCheck.Problem.EMPTY);
    }

    @Test
    void acceptsResidencePermitAndForeignPermanentNumbers() {
        assertThat(IdNumbers.check(IdNumbers.withCheckCharacter("81000019900101001"), TODAY).valid()).isTrue();
        assertThat(IdNumbers.check(IdNumbers.withCheckCharacter("93715619850615001"), TODAY).valid()).isTrue();
    }
}
