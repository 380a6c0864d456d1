#ifndef KATALOG_CLIBXML2_SHIM_H
#define KATALOG_CLIBXML2_SHIM_H
/* libxml2's headers pull in ICU, which clashes with Foundation's own ICU module.
   Include the version header first and switch ICU off before anything else. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#endif
