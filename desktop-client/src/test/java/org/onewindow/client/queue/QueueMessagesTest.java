package org.onewindow.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.onewindow.core.backend.BackendException;

class QueueMessagesTest {
    @Test
    void englishAndChineseHaveTheSameKeys() throws Exception {
        // read the files themselves: a bundle would fill a missing Chinese key from the English parent
        assertThat(fileKeys("QueueMessages_zh.properties")).isEqualTo(fileKeys("QueueMessages.properties"));
        assertThat(QueueViewModel.bundle(Locale.CHINESE).getString("action.callNext")).isEqualTo("叫号");
        assertThat(QueueViewModel.bundle(Locale.ENGLISH).getString("action.callNext")).isEqualTo("Call next");
    }

    @Test
    void everyBackEndFailureKindHasAMessage() {
        Set<String> en = keys(QueueViewModel.bundle(Locale.ENGLISH));
        for (BackendException.Kind kind : BackendException.Kind.values()) {
            assertThat(en).contains(kind.messageKey());
        }
    }

    private static Set<String> fileKeys(String name) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = QueueMessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> keys(ResourceBundle b) {
        return new TreeSet<>(Collections.list(b.getKeys()));
    }
}
