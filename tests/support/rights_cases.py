"""Reader situations worked out by hand from the Code de la consommation, each with
the article it applies: the unit tests check the Python rules against them, the
browser test checks that the page computes the same (the page never sees this table).

``inputs`` are the form's fields (dates in ISO, amounts as a reader types them);
``expected`` the facts' values: dates in ISO, days, percents, amounts in cents.
"""

from __future__ import annotations

CASES: list[dict] = [
    # L216-1: no date announced, delivery at the latest 30 days after the order.
    {
        "why": "L216-1, 30 jours après la commande, pas encore passés",
        "situation": "livraison",
        "inputs": {"order_date": "2026-01-10", "today": "2026-02-09"},
        "expected": {"due": "2026-02-09"},
        "passed": {"due": False},
    },
    {
        "why": "L216-1, le 31e jour la livraison est en retard",
        "situation": "livraison",
        "inputs": {"order_date": "2026-01-10", "today": "2026-02-10"},
        "expected": {"due": "2026-02-09"},
        "passed": {"due": True},
    },
    {
        "why": "L216-1, la date annoncée l'emporte",
        "situation": "livraison",
        "inputs": {"order_date": "2026-01-10", "announced": "2026-01-15", "today": "2026-01-20"},
        "expected": {"due": "2026-01-15"},
        "passed": {"due": True},
    },
    {
        "why": "L216-1, commande du 30 janvier d'une année bissextile : due le 29 février",
        "situation": "livraison",
        "inputs": {"order_date": "2028-01-30", "today": "2028-03-01"},
        "expected": {"due": "2028-02-29"},
        "passed": {"due": True},
    },
    # L216-7 (14 days) and L241-4 (10 % up to 14 days late, 20 % up to 30, then 50 %).
    {
        "why": "L216-7, remboursé le 14e jour : à l'heure",
        "situation": "annulation",
        "inputs": {"cancel_date": "2026-03-01", "amount": "200", "paid": "2026-03-15"},
        "expected": {"refund_deadline": "2026-03-15", "total": "20000"},
        "passed": {"refund_deadline": False},
    },
    {
        "why": "L241-4, remboursé le 15e jour : 1 jour de retard, 10 %",
        "situation": "annulation",
        "inputs": {"cancel_date": "2026-03-01", "amount": "200", "paid": "2026-03-16"},
        "expected": {
            "refund_deadline": "2026-03-15",
            "days_late": "1",
            "percent": "10",
            "increase_amount": "2000",
            "total": "22000",
        },
        "passed": {"refund_deadline": True},
    },
    {
        "why": "L241-4, 14 jours de retard : encore 10 %",
        "situation": "annulation",
        "inputs": {"cancel_date": "2026-03-01", "amount": "99,99", "today": "2026-03-29"},
        "expected": {
            "days_late": "14",
            "percent": "10",
            "increase_amount": "1000",
            "total": "10999",
        },
    },
    {
        "why": "L241-4, 15 jours de retard : 20 %",
        "situation": "annulation",
        "inputs": {"cancel_date": "2026-03-01", "amount": "99,99", "today": "2026-03-30"},
        "expected": {
            "days_late": "15",
            "percent": "20",
            "increase_amount": "2000",
            "total": "11999",
        },
    },
    {
        "why": "L241-4, 30 jours de retard : encore 20 %",
        "situation": "annulation",
        "inputs": {"cancel_date": "2026-03-01", "amount": "1234,56", "today": "2026-04-14"},
        "expected": {
            "days_late": "30",
            "percent": "20",
            "increase_amount": "24691",
            "total": "148147",
        },
    },
    {
        "why": "L241-4, 31 jours de retard : 50 %",
        "situation": "annulation",
        "inputs": {"cancel_date": "2026-03-01", "amount": "1234,56", "today": "2026-04-15"},
        "expected": {
            "days_late": "31",
            "percent": "50",
            "increase_amount": "61728",
            "total": "185184",
        },
    },
    {
        "why": "L216-7, annulation le 15 février 2028 : remboursement dû le 29 février",
        "situation": "annulation",
        "inputs": {"cancel_date": "2028-02-15", "amount": "50", "today": "2028-03-01"},
        "expected": {"refund_deadline": "2028-02-29", "days_late": "1", "percent": "10"},
    },
    # L221-24 (14 days) and L242-4 (legal interest, 5, 10, 20, 50 %, then +5 a month).
    {
        "why": "L242-4, 10 jours de retard : intérêts au taux légal seulement",
        "situation": "retractation",
        "inputs": {"notice_date": "2026-05-01", "amount": "300", "today": "2026-05-25"},
        "expected": {
            "refund_deadline": "2026-05-15",
            "days_late": "10",
            "percent": None,
            "interest": "1",
            "total": "30000",
        },
    },
    {
        "why": "L242-4, 11 jours : 5 %",
        "situation": "retractation",
        "inputs": {"notice_date": "2026-05-01", "amount": "300", "today": "2026-05-26"},
        "expected": {
            "days_late": "11",
            "percent": "5",
            "increase_amount": "1500",
            "total": "31500",
        },
    },
    {
        "why": "L242-4, 20 jours : 5 % ; 21 jours : 10 %",
        "situation": "retractation",
        "inputs": {"notice_date": "2026-05-01", "amount": "300", "today": "2026-06-04"},
        "expected": {"days_late": "20", "percent": "5"},
    },
    {
        "why": "L242-4, 21 jours : 10 %",
        "situation": "retractation",
        "inputs": {"notice_date": "2026-05-01", "amount": "300", "today": "2026-06-05"},
        "expected": {"days_late": "21", "percent": "10", "total": "33000"},
    },
    {
        "why": "L242-4, 60 jours : 20 % ; 61 jours : 50 %",
        "situation": "retractation",
        "inputs": {"notice_date": "2026-05-01", "amount": "300", "today": "2026-07-15"},
        "expected": {"days_late": "61", "percent": "50", "total": "45000"},
    },
    {
        "why": "L242-4, 90 jours : 50 %",
        "situation": "retractation",
        "inputs": {"notice_date": "2026-05-01", "amount": "300", "today": "2026-08-13"},
        "expected": {"days_late": "90", "percent": "50"},
    },
    {
        "why": "L242-4, 91 jours : un nouveau mois commencé, 55 %",
        "situation": "retractation",
        "inputs": {"notice_date": "2026-05-01", "amount": "300", "today": "2026-08-14"},
        "expected": {"days_late": "91", "percent": "55", "total": "46500"},
    },
    {
        "why": "L242-4, un an et plus : plafonné au prix, puis intérêts au taux légal",
        "situation": "retractation",
        "inputs": {"notice_date": "2025-01-01", "amount": "80", "today": "2026-06-01"},
        "expected": {
            "percent": "100",
            "interest": "1",
            "increase_amount": "8000",
            "total": "16000",
        },
    },
    {
        "why": "L221-24, le vendeur attend la preuve du renvoi : le délai court de celle-ci",
        "situation": "retractation",
        "inputs": {
            "notice_date": "2026-05-01",
            "returned": "2026-05-20",
            "amount": "300",
            "paid": "2026-05-20",
        },
        "expected": {"refund_deadline": "2026-05-20", "total": "30000"},
        "passed": {"refund_deadline": False},
    },
    # L217-3 (2 years), L217-7 (24 months, 12 second-hand), L217-10 (30 days).
    {
        "why": "L217-3 et L217-7, bien neuf livré le 29 février 2024",
        "situation": "conformite",
        "inputs": {"delivery_date": "2024-02-29", "today": "2025-06-01"},
        "expected": {"guarantee_end": "2026-02-28", "presumption_end": "2026-02-28"},
        "passed": {"guarantee_end": False, "presumption_end": False},
    },
    {
        "why": "L217-7, bien d'occasion : présomption de 12 mois, garantie de 2 ans",
        "situation": "conformite",
        "inputs": {"delivery_date": "2025-03-10", "second_hand": "oui", "today": "2026-04-01"},
        "expected": {"guarantee_end": "2027-03-10", "presumption_end": "2026-03-10"},
        "passed": {"guarantee_end": False, "presumption_end": True},
    },
    {
        "why": "L217-10, réparation demandée : 30 jours, puis L217-14",
        "situation": "conformite",
        "inputs": {
            "delivery_date": "2025-03-10",
            "request_date": "2026-01-05",
            "today": "2026-02-05",
        },
        "expected": {"remedy_deadline": "2026-02-04"},
        "passed": {"remedy_deadline": True},
    },
]

#: Every field of the form, filled, for the letters (on top of a case's inputs).
LETTER_FIELDS = {
    "order_date": "2026-02-20",
    "amount": "149,90",
    "item": "un aspirateur sans fil",
    "order_number": "A-2026-0042",
    "sender": "Camille Exemple, 1 rue de l’Essai, 75000 Paris",
    "deadline": "2026-04-30",
    "defect": "la batterie ne charge plus",
    "remedy": "le remplacement",
}
