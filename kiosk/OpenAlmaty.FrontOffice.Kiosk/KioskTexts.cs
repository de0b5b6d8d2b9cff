using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk;

/// <summary>Every word the kiosk shows, in Kazakh, Russian and English.</summary>
public static class KioskTexts
{
    private static readonly Dictionary<string, (string Kk, string Ru, string En)> Texts = new()
    {
        ["welcome"] = ("Қош келдіңіз! Кезекке тұру үшін таңдаңыз", "Добро пожаловать! Выберите, чтобы встать в очередь", "Welcome! Choose to take a ticket"),
        ["agencies"] = ("Мемлекеттік органдар", "Государственные органы", "State bodies"),
        ["districts"] = ("Аудан әкімдіктері", "Акиматы районов", "District akimats"),
        ["mediators"] = ("Медиаторлар", "Медиаторы", "Mediators"),
        ["booking"] = ("Менің жазылуым бар", "У меня есть запись", "I have a booking"),
        ["booking-code"] = ("Жазылу кодын енгізіңіз (8 таңба)", "Введите код записи (8 знаков)", "Enter your booking code (8 characters)"),
        ["check-in"] = ("Келгенімді белгілеу", "Отметиться о приходе", "Check in"),
        ["erase"] = ("Өшіру", "Стереть", "Erase"),
        ["error-booking-unknown"] = ("Мұндай жазылу коды жоқ. Кодты тексеріңіз немесе қызметкерге жүгініңіз.", "Такого кода записи нет. Проверьте код или обратитесь к сотруднику.", "There is no booking with this code. Check it or ask staff."),
        ["error-booking-day"] = ("Бұл жазылу бүгінге емес. Тіркелу қабылдау күні ашылады.", "Эта запись не на сегодня. Отметиться можно в день приёма.", "This booking is not for today. Check-in opens on the day."),
        ["error-booking-used"] = ("Бұл жазылу бойынша талон алынған.", "По этой записи талон уже получен.", "A ticket was already taken for this booking."),
        ["reception"] = ("Әкім орынбасарының жеке қабылдауына жазылу", "Записаться на личный приём к заместителю акима", "Book a personal reception with a deputy akim"),
        ["sessions"] = ("Әкім орынбасарын және күнді таңдаңыз", "Выберите заместителя акима и день", "Choose the deputy akim and the day"),
        ["no-sessions"] = ("Алдағы төрт аптада жазылуға болатын қабылдау жоқ. Қызметкерге жүгініңіз.", "В ближайшие четыре недели нет приёмов для записи. Обратитесь к сотруднику.", "There are no receptions to book in the next four weeks. Please ask staff."),
        ["free"] = ("Бос орын", "Свободно", "Free"),
        ["waiting-list"] = ("Күту тізімі", "Лист ожидания", "Waiting list"),
        ["slots"] = ("Уақытты таңдаңыз", "Выберите время", "Choose a time"),
        ["full"] = ("Барлық орын толы. Күту тізіміне жазылсаңыз, орын босағанда сізге хабарласамыз.", "Все места заняты. Встаньте в лист ожидания: если место освободится, вам позвонят.", "Every place is taken. Join the waiting list and we will call you if a place frees up."),
        ["join-waiting"] = ("Күту тізіміне жазылу", "Встать в лист ожидания", "Join the waiting list"),
        ["iin"] = ("ЖСН-іңізді енгізіңіз (12 сан)", "Введите ваш ИИН (12 цифр)", "Enter your IIN (12 digits)"),
        ["iin-note"] = ("ЖСН талонға басылмайды және экранда көрсетілмейді.", "ИИН не печатается на талоне и не показывается на экранах.", "Your IIN is never printed or shown on screens."),
        ["iin-bad"] = ("ЖСН қате. Сандарды тексеріңіз.", "ИИН неверный. Проверьте цифры.", "This IIN is not valid. Please check the digits."),
        ["full-name"] = ("Тегі, аты, әкесінің аты", "Фамилия, имя, отчество", "Full name"),
        ["phone"] = ("Телефон нөміріңіз", "Ваш номер телефона", "Your phone number"),
        ["phone-note"] = ("Қабылдау ауысса, осы нөмірге хабарласамыз.", "По этому номеру вам позвонят, если приём перенесут.", "We call this number if the reception moves."),
        ["matter-topic"] = ("Мәселенің тақырыбы", "Тема вопроса", "Topic"),
        ["matter"] = ("Мәселеңізді қысқаша жазыңыз", "Кратко опишите ваш вопрос", "Your matter in a few words"),
        ["space"] = ("Бос орын", "Пробел", "Space"),
        ["next"] = ("Әрі қарай", "Далее", "Next"),
        ["confirm"] = ("Тексеріңіз", "Проверьте", "Please check"),
        ["deputy"] = ("Әкім орынбасары", "Заместитель акима", "Deputy akim"),
        ["when"] = ("Күні мен уақыты", "Дата и время", "Date and time"),
        ["book"] = ("Жазылу", "Записаться", "Book"),
        ["booking-now"] = ("Жазылуда…", "Записываем…", "Booking…"),
        ["booked"] = ("Сіз жазылдыңыз", "Вы записаны", "You are booked"),
        ["booked-waiting"] = ("Сіз күту тізіміндесіз, нөміріңіз", "Вы в листе ожидания, ваш номер", "You are on the waiting list, number"),
        ["your-code"] = ("Жазылу кодыңыз", "Ваш код записи", "Your booking code"),
        ["code-note"] = ("Кодты сақтаңыз: қабылдау күні «Менің жазылуым бар» батырмасымен тіркеліңіз. QR-код жазылуды телефоннан көрсетеді.", "Сохраните код: в день приёма отметьтесь кнопкой «У меня есть запись». QR-код покажет запись на телефоне.", "Keep the code: on the day, check in with \"I have a booking\". The QR code shows your booking on your phone."),
        ["booking-no-print"] = ("Чек басылмады. Кодты жазып алыңыз немесе QR-кодты сканерлеңіз.", "Чек не напечатан. Запишите код или отсканируйте QR-код.", "The slip was not printed. Write the code down or scan the QR code."),
        ["error-slot-taken"] = ("Бұл уақытты жаңа ғана басқа адам алды. Басқа уақытты таңдаңыз.", "Это время только что занял другой человек. Выберите другое время.", "Someone has just taken that time. Please choose another."),
        ["error-booking-limit"] = ("Сіз осы аптада осы әкім орынбасарына жазылғансыз. Бір аптада бір жазылу.", "Вы уже записаны к этому заместителю акима на этой неделе. Одна запись в неделю.", "You already have a booking with this deputy akim this week. One booking a week."),
        ["error-session-gone"] = ("Бұл қабылдау енді жоқ немесе басталып кетті. Басқасын таңдаңыз.", "Этого приёма больше нет или он уже начался. Выберите другой.", "This reception is no longer available. Please choose another."),
        ["error-booking"] = ("Жазылу мүмкін болмады. Қайталап көріңіз немесе қызметкерге жүгініңіз.", "Не удалось записаться. Попробуйте ещё раз или обратитесь к сотруднику.", "The booking could not be made. Try again or ask staff."),
        ["topics"] = ("Қай тақырып бойынша?", "По какой теме?", "Which topic?"),
        ["choose"] = ("Қызметті таңдаңыз", "Выберите услугу", "Choose a service"),
        ["closed"] = ("Жабық. Жұмыс уақыты:", "Закрыто. Часы работы:", "Closed. Hours:"),
        ["priority"] = ("Сізге басымдық керек пе?", "Вам нужна очередь вне порядка?", "Do you need priority?"),
        ["priority-none"] = ("Жоқ, кәдімгі кезек", "Нет, обычная очередь", "No, regular queue"),
        ["priority-elderly"] = ("Егде жастағы адам", "Пожилой человек", "Elderly"),
        ["priority-disabled"] = ("Мүмкіндігі шектеулі адам", "Человек с инвалидностью", "Person with a disability"),
        ["priority-pregnant"] = ("Жүкті әйел", "Беременная женщина", "Pregnant"),
        ["priority-note"] = ("Қызметкер тексереді", "Сотрудник проверит", "Staff will check"),
        ["your-number"] = ("Сіздің нөміріңіз", "Ваш номер", "Your number"),
        ["ahead"] = ("Алдыңызда", "Перед вами", "People ahead"),
        ["wait"] = ("Күту уақыты", "Ожидание", "Wait"),
        ["scan"] = ("Кезегіңізді телефоннан бақылау үшін QR-кодты сканерлеңіз", "Отсканируйте QR-код, чтобы следить за очередью с телефона", "Scan the QR code to follow your turn on your phone"),
        ["no-print"] = ("Талон басылмады. Нөмірді суретке түсіріңіз немесе QR-кодты сканерлеңіз.", "Талон не напечатан. Сфотографируйте номер или отсканируйте QR-код.", "The ticket was not printed. Take a photo of the number or scan the QR code."),
        ["done"] = ("Дайын", "Готово", "Done"),
        ["back"] = ("Артқа", "Назад", "Back"),
        ["start-over"] = ("Басына", "В начало", "Start over"),
        ["issuing"] = ("Талон шығарылуда…", "Выдаём талон…", "Issuing your ticket…"),
        ["printing"] = ("Талон басылуда…", "Печатаем талон…", "Printing your ticket…"),
        ["printer-down"] = ("Принтер қазір баспайды: талоныңыз экранда және QR арқылы телефоныңызда болады",
            "Принтер сейчас не печатает: талон будет на экране и по QR-коду в телефоне",
            "The printer is not printing now: your ticket will be on the screen and, by its QR code, on your phone"),
        ["training"] = ("ОҚУ РЕЖИМІ: талондар нақты емес", "УЧЕБНЫЙ РЕЖИМ: талоны не настоящие", "TRAINING MODE: tickets are not real"),
        ["training-ticket"] = ("Оқу талоны: кезекте жарамсыз", "Учебный талон: в очереди недействителен", "Training ticket: not valid in the queue"),
        ["still-there"] = ("Сіз әлі осындасыз ба?", "Вы ещё здесь?", "Are you still there?"),
        ["still-here"] = ("Иә, жалғастырамын", "Да, продолжить", "Yes, continue"),
        ["seconds-left"] = ("Экран басына {0} секундтан кейін оралады", "Через {0} с экран вернётся в начало", "Back to the start in {0} s"),
        ["search"] = ("Атауы бойынша іздеу", "Поиск по названию", "Search by name"),
        ["search-hint"] = ("Атауын немесе қысқартуын теріңіз, мысалы ХҚКО", "Наберите название или сокращение, например ЦОН", "Type a name or an abbreviation"),
        ["search-close"] = ("Пернетақтаны жабу", "Закрыть клавиатуру", "Close the keyboard"),
        ["search-none"] = ("Ештеңе табылмады. Басқа сөзді теріңіз немесе қызметкерге жүгініңіз.", "Ничего не найдено. Наберите другое слово или обратитесь к сотруднику.", "Nothing found. Try another word or ask staff."),
        ["search-clear"] = ("Іздеуді тазалау", "Очистить поиск", "Clear the search"),
        ["page-previous"] = ("Алдыңғы бет", "Предыдущая страница", "Previous page"),
        ["page-next"] = ("Келесі бет", "Следующая страница", "Next page"),
        ["page-of"] = ("Бет {0}, барлығы {1}", "Страница {0} из {1}", "Page {0} of {1}"),
        ["how"] = ("Бұл жерде кезекке талон аласыз", "Здесь вы берёте талон в очередь", "Here you take a queue ticket"),
        ["how-1"] = ("Органды немесе тақырыпты таңдаңыз", "Выберите орган или тему", "Choose a body or a topic"),
        ["how-2"] = ("Талонды алыңыз", "Возьмите талон", "Take your ticket"),
        ["how-3"] = ("Нөміріңіз экранда шыққанда терезеге барыңыз", "Когда ваш номер появится на экране, подойдите к окну", "When your number shows on the screen, go to the window"),
        ["help"] = ("Көмек керек болса, қызметкерге жүгініңіз", "Нужна помощь? Обратитесь к сотруднику", "Need help? Ask a member of staff"),
        ["language"] = ("Тілді таңдаңыз", "Выберите язык", "Choose your language"),
        ["error"] = ("Талон шығару мүмкін болмады. Қайталап көріңіз немесе қызметкерге жүгініңіз.", "Не удалось выдать талон. Попробуйте ещё раз или обратитесь к сотруднику.", "The ticket could not be issued. Try again or ask staff."),
        ["error-closed"] = ("Бұл қызмет жаңа ғана жабылды.", "Эта услуга только что закрылась.", "This service has just closed."),
        ["error-cap"] = ("Бұл қызметке бүгінгі талондар таусылды. Ертең келіңіз немесе жеке қабылдауға жазылыңыз.", "Талоны на эту услугу на сегодня закончились. Приходите завтра или запишитесь на личный приём.", "Today's tickets for this service are gone. Come back tomorrow or book a reception."),
        ["error-unknown"] = ("Бұл қызмет енді жоқ.", "Этой услуги больше нет.", "This service is no longer offered."),
        ["people"] = ("адам", "чел.", ""),
    };

    public static string Get(string key, VisitorLanguage language)
    {
        var t = Texts[key];
        return Name(language, t.Kk, t.Ru, t.En);
    }

    public static IEnumerable<string> Keys => Texts.Keys;

    private static readonly string[] WeekdaysKk = ["Жексенбі", "Дүйсенбі", "Сейсенбі", "Сәрсенбі", "Бейсенбі", "Жұма", "Сенбі"];
    private static readonly string[] WeekdaysRu = ["Воскресенье", "Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота"];

    /// <summary>"12-терезе" in Kazakh (the number comes first), "окно 12", "window 12".</summary>
    public static string Window(string desk, VisitorLanguage language) => language switch
    {
        VisitorLanguage.Ru => $"окно {desk}",
        VisitorLanguage.En => $"window {desk}",
        _ => $"{desk}-терезе",
    };

    /// <summary>Written out here: the server may run without ICU culture data.</summary>
    public static string Weekday(DayOfWeek day, VisitorLanguage language) => language switch
    {
        VisitorLanguage.Ru => WeekdaysRu[(int)day],
        VisitorLanguage.En => day.ToString(),
        _ => WeekdaysKk[(int)day],
    };

    public static string Name(VisitorLanguage language, string kk, string ru, string en) => new Words(kk, ru, en).In(language);
}
