package cn.dibao.document;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;

/**
 * openhtmltopdf writes its own log lines to standard error; this sends them to the app's logging
 * instead, under {@code com.openhtmltopdf.*} (WARN and above by default, see application.properties).
 */
final class OpenHtmlToPdfLogging implements XRLogger {

    private OpenHtmlToPdfLogging() {
    }

    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof OpenHtmlToPdfLogging)) {
            XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger log = LoggerFactory.getLogger(where);
        int l = level.intValue();
        if (l >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (l >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (l >= Level.INFO.intValue()) {
            log.info(msg, th);
        } else {
            log.debug(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels come from the app's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue()
                || LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
    }
}
