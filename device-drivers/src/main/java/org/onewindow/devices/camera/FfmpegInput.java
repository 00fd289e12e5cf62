package org.onewindow.devices.camera;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How ffmpeg opens one source: the arguments before and including {@code -i}. A live device takes the
 * requested size as a capture option ({@code sizeOption}); files and test patterns are scaled instead.
 *
 * @param name       the name shown in settings and logs (a device name, never citizen data)
 * @param inputArgs  ffmpeg arguments that open the source, ending with {@code -i <source>}
 * @param sizeOption whether {@code -video_size WxH} is put before the input (capture devices)
 */
public record FfmpegInput(String name, List<String> inputArgs, boolean sizeOption) {
    public FfmpegInput {
        Objects.requireNonNull(name, "name");
        inputArgs = List.copyOf(inputArgs);
    }

    /** A Video4Linux2 device node, e.g. {@code /dev/video0}. */
    public static FfmpegInput v4l2(String name, Path deviceNode) {
        return new FfmpegInput(name, List.of("-f", "v4l2", "-i", deviceNode.toString()), true);
    }

    /** A DirectShow camera on Windows, by its friendly name. */
    public static FfmpegInput dshow(String friendlyName) {
        return new FfmpegInput(friendlyName, List.of("-f", "dshow", "-i", "video=" + friendlyName), true);
    }

    /** A video file played in real time, looping: the virtual camera of the demo. */
    public static FfmpegInput videoFile(Path file) {
        return new FfmpegInput("virtual:" + file.getFileName(),
                List.of("-re", "-stream_loop", "-1", "-i", file.toString()), false);
    }

    /** ffmpeg's built-in moving test pattern at {@code fps}: exercises the whole capture path without a camera. */
    public static FfmpegInput testPattern(int fps) {
        return new FfmpegInput("test-pattern", List.of("-re", "-f", "lavfi", "-i", "testsrc=size=640x480:rate=" + fps), false);
    }

    /** The whole command: open the source, scale to exactly {@code width x height}, write raw BGR frames to stdout. */
    List<String> command(String ffmpeg, int width, int height) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error"));
        if (sizeOption) {
            List<String> before = inputArgs.subList(0, inputArgs.size() - 2);
            cmd.addAll(before);
            cmd.addAll(List.of("-video_size", width + "x" + height));
            cmd.addAll(inputArgs.subList(inputArgs.size() - 2, inputArgs.size()));
        } else {
            cmd.addAll(inputArgs);
        }
        cmd.addAll(List.of("-an", "-vf", "scale=" + width + ":" + height, "-pix_fmt", "bgr24", "-f", "rawvideo", "-"));
        return cmd;
    }
}
