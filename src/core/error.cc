#include "core/error.h"

#include <cerrno>
#include <cstring>
#include <string>

namespace arsanalys {

std::string system_error_text(int err) {
  switch (err) {
    case ENOSPC:
      return "disken är full";
    case EDQUOT:
      return "diskkvoten är slut";
    case EACCES:
    case EPERM:
      return "åtkomst nekad";
    case EROFS:
      return "filsystemet är skrivskyddat";
    case ENOENT:
      return "filen eller mappen finns inte";
    case ENOTDIR:
      return "en del av sökvägen är ingen mapp";
    case EISDIR:
      return "är en mapp, ingen fil";
    case EEXIST:
      return "finns redan";
    case ELOOP:
      return "länkarna leder runt i en slinga (en symbolisk länk som till slut pekar på sig "
             "själv)";
    case ENAMETOOLONG:
      return "namnet är för långt";
    case EMFILE:
    case ENFILE:
      return "för många öppna filer";
    case EIO:
      return "läs- eller skrivfel på disken";
    case ENOMEM:
      return "minnet räcker inte";
    case EFBIG:
      return "filen blir för stor";
    case EBUSY:
    case ETXTBSY:
      return "filen används av ett annat program";
    default:
      return "felkod " + std::to_string(err) + ": " + std::strerror(err);
  }
}

}  // namespace arsanalys
