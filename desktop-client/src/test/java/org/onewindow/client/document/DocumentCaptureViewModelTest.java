package org.onewindow.client.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onewindow.devices.document.CapturedPage;

class DocumentCaptureViewModelTest {
    private final Executor same = Runnable::run;
    private final AtomicInteger n = new AtomicInteger();
    private final List<String> types = new ArrayList<>();
    private final List<List<CapturedPage>> handed = new ArrayList<>();

    private DocumentCaptureViewModel vm() {
        return new DocumentCaptureViewModel(() -> new CapturedPage(new byte[] {(byte) n.incrementAndGet()}, 10, 14,
                true, 0), (t, p) -> {
                    types.add(t);
                    handed.add(p);
                }, same, same);
    }

    private static int id(CapturedPage p) {
        return p.jpeg()[0];
    }

    @Test
    void captureAddsPagesInOrder() {
        DocumentCaptureViewModel vm = vm();
        vm.capture();
        vm.capture();
        assertEquals(List.of(1, 2), vm.pages().stream().map(DocumentCaptureViewModelTest::id).toList());
        assertFalse(vm.capturingProperty().get());
    }

    @Test
    void deleteAndReorder() {
        DocumentCaptureViewModel vm = vm();
        vm.capture();
        vm.capture();
        vm.capture();
        assertEquals(1, vm.moveUp(2));
        assertEquals(List.of(1, 3, 2), vm.pages().stream().map(DocumentCaptureViewModelTest::id).toList());
        assertEquals(1, vm.moveDown(0));
        assertEquals(List.of(3, 1, 2), vm.pages().stream().map(DocumentCaptureViewModelTest::id).toList());
        assertEquals(0, vm.moveUp(0), "first stays first");
        assertEquals(2, vm.moveDown(2), "last stays last");
        vm.delete(1);
        assertEquals(List.of(3, 2), vm.pages().stream().map(DocumentCaptureViewModelTest::id).toList());
    }

    @Test
    void addToCaseHandsPagesInOrderAndEmptiesTheList() {
        DocumentCaptureViewModel vm = vm();
        assertFalse(vm.addToCase("real-estate-certificate"), "nothing to add");
        vm.capture();
        vm.capture();
        vm.moveUp(1);
        assertTrue(vm.addToCase("real-estate-certificate"));
        assertEquals(List.of("real-estate-certificate"), types);
        assertEquals(List.of(2, 1), handed.get(0).stream().map(DocumentCaptureViewModelTest::id).toList());
        assertTrue(vm.pages().isEmpty());
    }

    @Test
    void failedCaptureAddsNothing() {
        DocumentCaptureViewModel vm = new DocumentCaptureViewModel(() -> {
            throw new IllegalStateException("camera gone");
        }, (t, p) -> handed.add(p), same, same);
        assertTrue(vm.capture().isCompletedExceptionally());
        assertTrue(vm.pages().isEmpty());
        assertFalse(vm.capturingProperty().get());
        assertEquals("capture failed", vm.messageProperty().get());
    }
}
