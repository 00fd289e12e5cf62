package org.onewindow.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.identity.IdNumberCheck;
import org.onewindow.core.verify.VerificationReason;

class BundlesTest {
    @Test
    void chineseAndEnglishHaveTheSameKeys() throws Exception {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyTypedReasonHasATextInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            I18n i18n = new I18n(locale);
            for (VerificationReason r : VerificationReason.values()) {
                assertThat(i18n.get(r.messageKey())).as(locale + " " + r).isNotEqualTo(r.messageKey());
            }
            for (DeviceException.Kind k : DeviceException.Kind.values()) {
                assertThat(i18n.get(k.messageKey())).as(locale + " " + k).isNotEqualTo(k.messageKey());
            }
            for (IdNumberCheck.Problem p : IdNumberCheck.Problem.values()) {
                assertThat(i18n.get(p.messageKey())).as(locale + " " + p).isNotEqualTo(p.messageKey());
            }
        }
    }

    @Test
    void picksEnglishOnlyWhenAskedOrTheSystemIsEnglish() {
        assertThat(I18n.resolve("en")).isEqualTo(Locale.ENGLISH);
        assertThat(I18n.resolve("zh_CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(new I18n(Locale.ENGLISH).get("clerk.card.name")).isEqualTo("Name");
        assertThat(new I18n(Locale.SIMPLIFIED_CHINESE).get("clerk.card.name")).isEqualTo("姓名");
        assertThat(new I18n(Locale.ENGLISH).get("no.such.key")).isEqualTo("no.such.key");
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/org/onewindow/client/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
