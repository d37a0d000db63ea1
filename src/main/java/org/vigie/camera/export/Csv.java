package org.vigie.camera.export;

import java.util.List;

/** RFC 4180 records: comma-separated, CRLF-terminated, fields quoted when they need it. */
final class Csv {

    private Csv() {
    }

    static String record(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /** Quoted (with inner quotes doubled) when it holds a comma, a quote, a line break or edge spaces. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.startsWith(" ") || value.endsWith(" ");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
