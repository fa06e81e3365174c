#pragma once

#include <QString>

namespace qaconsole::pg {

// The one masking of secrets in connection strings and URLs, so a text is safe to log or show.
// It masks:
//  - the password of any scheme's URL, as libpq delimits it (to the first '@' before a '/',
//    whatever it holds) and on to the last '@' of that word (postgresql://u:se@cr@h,
//    redis://:secret@h: a message may quote either);
//  - password= and sslpassword= in libpq's keyword form, any case and spacing, quoted with
//    escapes ('se cret', 'it\'s') or not, and an unterminated quote to the end of the text;
//  - ?password= and &password= in a URL's query (the name percent-decoded), to the next '&'
//    or the end of the text.
// Everything else is kept as it is.
QString redactSecrets(const QString& text);

} // namespace qaconsole::pg
