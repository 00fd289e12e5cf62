package org.onewindow.devices.camera;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The face camera as the provisioning file configures it.
 *
 * @param source  {@code FFMPEG} (a real camera captured through ffmpeg), {@code VIRTUAL_IMAGES} (a folder
 *                of images played in a loop) or {@code VIRTUAL_VIDEO} (a video file played through ffmpeg)
 * @param device  the camera's name as listed ({@link Cameras#list}); null or blank takes the first one
 * @param width   capture width in pixels
 * @param height  capture height in pixels
 * @param fps     frame rate of the virtual sources
 * @param media   the folder or video file of the virtual sources
 * @param ffmpeg  the ffmpeg executable ("ffmpeg" looks it up on the PATH); null or blank: {@link FfmpegLocator}
 *                picks the one bundled with the installed application, else "ffmpeg" from the PATH
 */
public record CameraSettings(Source source, String device, int width, int height, double fps, Path media, String ffmpeg) {
    public enum Source { FFMPEG, VIRTUAL_IMAGES, VIRTUAL_VIDEO }

    public CameraSettings {
        Objects.requireNonNull(source, "source");
        if (width < 160 || height < 120 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("camera resolution out of range: " + width + "x" + height);
        }
        if (source != Source.FFMPEG && media == null) {
            throw new IllegalArgumentException("a virtual camera needs its media folder or file");
        }
        ffmpeg = FfmpegLocator.resolve(ffmpeg);
    }

    /** The first real camera at 640x480, through the bundled ffmpeg if the application ships one, else the PATH's. */
    public static CameraSettings defaults() {
        return new CameraSettings(Source.FFMPEG, null, 640, 480, 25, null, null);
    }

    public CameraSettings withDevice(String name) {
        return new CameraSettings(source, name, width, height, fps, media, ffmpeg);
    }

    /** The same camera captured through another ffmpeg program. */
    public CameraSettings withFfmpeg(String program) {
        return new CameraSettings(source, device, width, height, fps, media, program);
    }

    public CameraSettings withResolution(int w, int h) {
        return new CameraSettings(source, device, w, h, fps, media, ffmpeg);
    }
}
