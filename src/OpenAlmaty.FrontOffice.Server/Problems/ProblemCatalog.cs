using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Problems;

/// <summary>The title of each problem type in Kazakh, Russian and English.</summary>
public static class ProblemCatalog
{
    private static readonly Dictionary<string, (string Kk, string Ru, string En)> Titles = new()
    {
        [ProblemTypes.MalformedRequest] = ("Сұрау дұрыс емес", "Некорректный запрос", "The request cannot be read"),
        [ProblemTypes.PayloadTooLarge] = ("Сұрау тым үлкен", "Слишком большой запрос", "The request is too large"),
        [ProblemTypes.ValidationFailed] = ("Деректер қате", "Неверные данные", "Some values are not valid"),
        [ProblemTypes.DeskWithoutService] = ("Терезе қызметсіз қалады", "Окно останется без услуги", "A desk would be left with no service"),
        [ProblemTypes.WalkInCapReached] = ("Бүгінгі талондар таусылды", "Талоны на сегодня закончились", "Today's walk-in tickets are gone"),
        [ProblemTypes.InvalidPeriod] = ("Кезең қате: басы соңынан кейін немесе бір жылдан ұзақ", "Неверный период: начало позже конца или дольше года", "The period is reversed or longer than a year"),
        [ProblemTypes.IdempotencyKeyMissing] = ("Idempotency-Key тақырыбы қажет", "Нужен заголовок Idempotency-Key", "An Idempotency-Key header is needed"),
        [ProblemTypes.IdempotencyKeyReused] = ("Бұл кілт басқа әрекетке қолданылған", "Этот ключ уже использован для другого действия", "This key was used for another action"),
        [ProblemTypes.UnknownService] = ("Мұндай қызмет жоқ", "Такой услуги нет", "There is no such service"),
        [ProblemTypes.ServiceClosed] = ("Қызмет қазір жабық", "Услуга сейчас закрыта", "The service is closed now"),
        [ProblemTypes.UnknownDesk] = ("Мұндай терезе жоқ", "Такого окна нет", "There is no such desk"),
        [ProblemTypes.DeskClosed] = ("Терезе жабық", "Окно закрыто", "The desk is closed"),
        [ProblemTypes.DeskBusy] = ("Терезеде келуші бар", "У окна уже есть посетитель", "The desk is still serving a visitor"),
        [ProblemTypes.NotYourDesk] = ("Бұл терезе сізге бекітілмеген", "Это окно вам не назначено", "This desk is not assigned to you"),
        [ProblemTypes.BookingProofMismatch] = ("Жазылуды болдырмау үшін кодты және жазылу кезінде берілген телефонның соңғы төрт цифрын енгізіңіз", "Для отмены записи нужны код и последние четыре цифры телефона, указанного при записи", "To cancel, give the code and the last four digits of the phone given when booking"),
        [ProblemTypes.NotYourReception] = ("Бұл қабылдауға келушілердің деректері сізге қолжетімсіз: оларды әкімшілер мен осы қабылдау терезесінің қызметкерлері ғана көреді", "Данные записавшихся на этот приём вам недоступны: их видят только администраторы и сотрудники окна этого приёма", "The residents of this reception are not yours to see: only administrators and the officers of its desk see them"),
        [ProblemTypes.UnknownTicket] = ("Мұндай талон жоқ", "Такого талона нет", "There is no such ticket"),
        [ProblemTypes.TicketWrongState] = ("Талон бұл әрекетке сай күйде емес", "Талон не в том состоянии для этого действия", "The ticket is not in a state for this action"),
        [ProblemTypes.StaleVersion] = ("Талон өзгерді, қайта жүктеңіз", "Талон изменился, обновите данные", "The ticket has changed; reload it"),
        [ProblemTypes.RejoinWindowPassed] = ("Кезекке қайта тұру уақыты өтті", "Время для возврата в очередь истекло", "The time to rejoin the queue has passed"),
        [ProblemTypes.TransferToSameService] = ("Талон сол қызметке жіберілмейді", "Нельзя перевести талон в ту же услугу", "A ticket cannot be transferred to its own service"),
        [ProblemTypes.InvalidHours] = ("Жұмыс уақыты қате жазылған", "Часы работы записаны неверно", "The opening hours cannot be read"),
        [ProblemTypes.InvalidPrefix] = ("Талон префиксі қате", "Неверный префикс талона", "The ticket prefix is not valid"),
        [ProblemTypes.DuplicatePrefix] = ("Бұл префикс бос емес", "Этот префикс уже занят", "This prefix is already used"),
        [ProblemTypes.DuplicateCode] = ("Мұндай жазба бар", "Такая запись уже есть", "This entry exists already"),
        [ProblemTypes.UnknownAgency] = ("Мұндай ведомство жоқ", "Такого ведомства нет", "There is no such agency"),
        [ProblemTypes.AgencyHasWaitingTickets] = ("Ведомствоға кезекте адамдар бар", "В очереди ведомства есть посетители", "Visitors still wait for this agency"),
        [ProblemTypes.UnknownDevice] = ("Мұндай құрылғы жоқ", "Такого устройства нет", "There is no such device"),
        [ProblemTypes.NoPrinter] = ("Бұл киоскіде принтер жоқ", "У этого киоска нет принтера", "This kiosk has no printer"),
        [ProblemTypes.InvalidRetention] = ("Сақтау мерзімі 1-ден 3650 күнге дейін", "Срок хранения — от 1 до 3650 дней", "The retention period is 1 to 3650 days"),
        [ProblemTypes.InvalidIin] = ("ЖСН қате: 12 сан, алғашқы алтауы — туған күні, жетіншісі — 1-ден 6-ға дейін, бақылау саны сәйкес болуы керек", "Неверный ИИН: 12 цифр, первые шесть — дата рождения, седьмая — от 1 до 6, контрольная цифра должна совпадать", "The IIN is not valid: 12 digits, the first six a birth date, the seventh 1 to 6, and a matching check digit"),
        [ProblemTypes.UnknownSession] = ("Мұндай қабылдау жоқ", "Такого приёма нет", "There is no such reception session"),
        [ProblemTypes.SessionUnavailable] = ("Бұл қабылдау болмайды немесе өтіп кетті", "Этот приём отменён или уже прошёл", "This session is cancelled or past"),
        [ProblemTypes.SlotTaken] = ("Бұл уақыт бос емес, басқасын таңдаңыз", "Это время уже занято, выберите другое", "That time is taken; choose another"),
        [ProblemTypes.BookingLimit] = ("Бір аптада бір орынбасарға бір ғана жазылу", "Не более одной записи к одному заместителю в неделю", "One booking per deputy akim per week"),
        [ProblemTypes.UnknownBooking] = ("Мұндай жазылу коды жоқ", "Такого кода записи нет", "There is no booking with this code"),
        [ProblemTypes.BookingWrongState] = ("Жазылуды бұлай өзгерту мүмкін емес", "Запись нельзя так изменить", "The booking cannot change this way"),
        [ProblemTypes.RescheduleDoesNotFit] = ("Таңдалған күнге ауыстыру мүмкін емес", "На выбранную дату перенести нельзя", "The session cannot move there"),
        [ProblemTypes.NotAWorkingDay] = ("Бұл жұмыс күні емес", "Это нерабочий день", "That is not a working day"),
        [ProblemTypes.InvalidPrinter] = ("Принтер параметрлері қате: зал желісіндегі host:port, серверде /dev/usb/lp*, /dev/ttyUSB*, /dev/ttyS*, /dev/ttyACM* немесе agent, және белгілі профиль", "Неверные параметры принтера: host:port в сети зала, на сервере /dev/usb/lp*, /dev/ttyUSB*, /dev/ttyS*, /dev/ttyACM* или agent, и известный профиль", "The printer settings are not valid: host:port on the hall's network, /dev/usb/lp*, /dev/ttyUSB*, /dev/ttyS*, /dev/ttyACM* on the server, or agent, with a known profile"),
        [ProblemTypes.UserNameTaken] = ("Бұл логин бос емес", "Этот логин уже занят", "This user name is taken"),
        [ProblemTypes.WeakPassword] = ("Құпиясөз тым әлсіз: кемінде 10 таңба, сандар, бас және кіші әріптер; жиі кездесетін құпиясөз де, пайдаланушы аты да емес, ескісінен басқа", "Слишком слабый пароль: не меньше 10 символов, цифры, заглавные и строчные буквы; не из распространённых, без имени пользователя и не прежний", "The password is too weak: 10 characters or more with digits, upper and lower case; not a common one, not the user name, not the old one"),
        [ProblemTypes.LoginFailed] = ("Логин немесе құпиясөз қате", "Неверный логин или пароль", "Wrong user name or password"),
        [ProblemTypes.TooManyRequests] = ("Тым көп әрекет, кейінірек көріңіз", "Слишком много попыток, попробуйте позже", "Too many attempts; try again later"),
        [ProblemTypes.Unauthorized] = ("Кіру қажет", "Требуется вход", "Sign-in is required"),
        [ProblemTypes.Forbidden] = ("Рұқсат жоқ", "Нет доступа", "Not allowed"),
        [ProblemTypes.NotFound] = ("Табылмады", "Не найдено", "Not found"),
        [ProblemTypes.ServerError] = ("Сервер қатесі", "Ошибка сервера", "Server error"),
        [ProblemTypes.AccountLocked] = ("Сеанс аяқталды: әкімші тіркелгіңізді бұғаттады", "Сеанс завершён: администратор заблокировал вашу учётную запись", "Your session has ended: an administrator locked your account"),
        [ProblemTypes.SignInChanged] = ("Сеанс аяқталды: тіркелгіңізден шығу жасалды немесе оның құпиясөзі ауыстырылды", "Сеанс завершён: из вашей учётной записи вышли или сменили её пароль", "Your session has ended: your account was signed out or its password was changed"),
        [ProblemTypes.AccountGone] = ("Сеанс аяқталды: тіркелгіңіз жойылды", "Сеанс завершён: ваша учётная запись удалена", "Your session has ended: your account was deleted"),
        [ProblemTypes.UnsupportedMediaType] = ("Сұрау пішімі қабылданбайды: денесі UTF-8 кодтауындағы JSON болуы керек", "Формат запроса не принимается: тело должно быть JSON в кодировке UTF-8", "The request format is not accepted: the body must be JSON in UTF-8"),
        [ProblemTypes.CrossSiteRequest] = ("Сұрау басқа беттен келді және қабылданбады", "Запрос пришёл с другой страницы и отклонён", "The request came from another page and was refused"),
        [ProblemTypes.PasswordChangeRequired] = ("Алдымен құпиясөзді ауыстырыңыз: бастапқы құпиясөзбен жұмыс істеуге болмайды", "Сначала смените пароль: с начальным паролем работать нельзя", "Change the password first: the initial one cannot be used to work"),
        [ProblemTypes.AccountDisabled] = ("Тіркелгіні әкімші бұғаттаған; әкімшіге хабарласыңыз", "Учётная запись заблокирована администратором; обратитесь к нему", "An administrator has locked this account; ask them"),
        [ProblemTypes.InvalidSeq] = ("afterSeq қате: 0 немесе одан үлкен бүтін сан болуы керек", "Неверный afterSeq: нужно целое число, 0 или больше", "afterSeq must be a whole number, 0 or more"),
        [ProblemTypes.StorageUnavailable] = ("Сақталмады: сервердің дискісінде ақау бар; кейінірек қайталаңыз және әкімшіге хабарлаңыз", "Не сохранено: неисправность диска сервера; повторите позже и сообщите администратору", "Nothing was saved: the server's storage is failing; try again later and tell the administrator"),
        [ProblemTypes.AgencyRetired] = ("Алдымен органның өзін қайтарыңыз: тоқтатылған органның қызметі жеке қайтарылмайды", "Сначала верните сам орган: услуга выведенного органа отдельно не возвращается", "Restore the agency first: a service of a retired agency cannot come back alone"),
        [ProblemTypes.DuplicateRegistrationNumber] = ("Бұл тіркеу нөмірімен өтініш бұрыннан бар", "Обращение с таким регистрационным номером уже есть", "An appeal with this registration number exists already"),
        [ProblemTypes.DeviceNotEnrolled] = ("Бұл құрылғы тіркелмеген немесе оның тіркелуі жойылды", "Это устройство не зарегистрировано или его регистрация отозвана", "This device is not enrolled, or its enrolment was revoked"),
    };

    public static IEnumerable<string> Types => Titles.Keys;

    public static string Title(string type, string language)
    {
        var titles = Titles.TryGetValue(type, out var t) ? t : Titles[ProblemTypes.ServerError];
        return language switch
        {
            "kk" => titles.Kk,
            "ru" => titles.Ru,
            _ => titles.En,
        };
    }

    /// <summary>The caller's language from Accept-Language: kk, ru or en (Kazakh when none is given).</summary>
    public static string LanguageOf(HttpRequest request)
    {
        foreach (var value in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            foreach (var known in new[] { "kk", "ru", "en" })
            {
                if (tag.StartsWith(known, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }
        }

        return "kk";
    }
}
