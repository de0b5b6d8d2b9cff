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
        ["topics"] = ("Қай тақырып бойынша?", "По какой теме?", "Which topic?"),
        ["topic-energy"] = ("Энергетика: су, жылу, электр", "Энергетика: вода, тепло, свет", "Energy: water, heating, electricity"),
        ["topic-housing"] = ("Тұрғын үй, ПИК", "Жильё, КСК", "Housing, KSK"),
        ["topic-transport"] = ("Көлік және жолдар", "Транспорт и дороги", "Transport and roads"),
        ["topic-landscaping"] = ("Абаттандыру", "Благоустройство", "Landscaping"),
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
        ["minutes"] = ("мин", "мин", "min"),
        ["scan"] = ("Кезегіңізді телефоннан бақылау үшін QR-кодты сканерлеңіз", "Отсканируйте QR-код, чтобы следить за очередью с телефона", "Scan the QR code to follow your turn on your phone"),
        ["no-print"] = ("Талон басылмады. Нөмірді суретке түсіріңіз немесе QR-кодты сканерлеңіз.", "Талон не напечатан. Сфотографируйте номер или отсканируйте QR-код.", "The ticket was not printed. Take a photo of the number or scan the QR code."),
        ["done"] = ("Дайын", "Готово", "Done"),
        ["back"] = ("Артқа", "Назад", "Back"),
        ["start-over"] = ("Басына", "В начало", "Start over"),
        ["issuing"] = ("Талон шығарылуда…", "Печатаем талон…", "Issuing your ticket…"),
        ["error"] = ("Талон шығару мүмкін болмады. Қайталап көріңіз немесе қызметкерге жүгініңіз.", "Не удалось выдать талон. Попробуйте ещё раз или обратитесь к сотруднику.", "The ticket could not be issued. Try again or ask staff."),
        ["error-closed"] = ("Бұл қызмет жаңа ғана жабылды.", "Эта услуга только что закрылась.", "This service has just closed."),
        ["error-unknown"] = ("Бұл қызмет енді жоқ.", "Этой услуги больше нет.", "This service is no longer offered."),
        ["people"] = ("адам", "чел.", ""),
    };

    public static string Get(string key, VisitorLanguage language)
    {
        var t = Texts[key];
        return language switch
        {
            VisitorLanguage.Ru => t.Ru,
            VisitorLanguage.En => t.En,
            _ => t.Kk,
        };
    }

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Name(VisitorLanguage language, string kk, string ru, string en) => language switch
    {
        VisitorLanguage.Ru => ru,
        VisitorLanguage.En => en,
        _ => kk,
    };
}
