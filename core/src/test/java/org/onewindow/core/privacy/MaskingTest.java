package org.onewindow.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void masksTheMiddleOfAnIdNumber() {
        assertThat(Masking.idNumber("370102199003071234")).isEqualTo("370102********1234");
    }

    @Test
    void masksShortNumbersToTheirLastTwoCharacters() {
        assertThat(Masking.idNumber("H12345678")).isEqualTo("*******78");
        assertThat(Masking.idNumber("12")).isEqualTo("**");
        assertThat(Masking.idNumber(null)).isEmpty();
    }

    @Test
    void keepsOnlyTheFirstCharacterOfAName() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳小明")).isEqualTo("欧***");
        assertThat(Masking.name("𠀀明")).isEqualTo("𠀀*");
    }
}
