"""Thanh toán bằng mã QR ngân hàng: demo course content. Sources are named per lesson."""

COURSE = {
    "key": "vietqr",
    "title": "Thanh toán bằng mã QR ngân hàng",
    "summary": (
        "Trả tiền bằng cách quét mã VietQR trong ứng dụng ngân hàng, nhận tiền bằng mã QR của mình "
        "và tránh các chiêu lừa đảo liên quan đến mã QR."
    ),
    "audience": "Dành cho: người đã có tài khoản ngân hàng trên điện thoại, cả người mua và người bán hàng nhỏ.",
    "estimated_minutes": 12,
    "skills": ["thanh-toan", "an-toan"],
    "cover": {"label": "Mã QR", "color": "#7c2d12"},
    "lessons": [
        {
            "key": "vietqr-la-gi",
            "title": "Mã VietQR là gì, chuẩn bị ứng dụng ngân hàng",
            "intro": (
                "Mã VietQR giúp bạn chuyển tiền mà không phải gõ số tài khoản. "
                "Trước khi dùng, hãy chuẩn bị ứng dụng ngân hàng cho đúng cách."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Công nghệ & Đời sống",
                    "date": "15/06/2021",
                    "url": "https://congnghevadoisong.vn/thanh-toan-chuyen-tien-nhanh-bang-ma-vietqr-d41365.html",
                },
                {
                    "name": "Báo Người Lao Động",
                    "date": "15/06/2021",
                    "url": "https://thitruong.nld.com.vn/vnmoney/14-ngan-hang-dung-chung-ma-qr-de-thanh-toan-chuyen-tien-khong-can-nho-so-tai-khoan-20210615162308017.htm",
                },
                {
                    "name": "Banker.vn",
                    "date": "cuối năm 2025",
                    "url": "https://www.banker.vn/dam-bao-tien-loi-an-toan-trong-thanh-toan-qua-ma-qr",
                },
                {
                    "name": "Tạp chí Tài chính",
                    "date": "2024",
                    "url": "https://tapchitaichinh.vn/tu-1-7-chuyen-khoan-tren-10-trieu-phai-xac-thuc-sinh-trac-hoc-qua-khuon-mat-hoac-van-tay.html",
                },
                {
                    "name": "Ngôi Sao",
                    "date": "09/11/2024",
                    "url": "https://m.ngoisao.vn/theo-dong-su-kien/kien-thuc/truoc-ngay-112025-nguoi-dan-co-tai-khoan-ngan-hang-bat-buoc-phai-lam-viec-nay-neu-khong-se-khong-the-chuyen-tien-online-438064.htm",
                },
                {
                    "name": "VietNamNet",
                    "date": "15/02/2026",
                    "url": "https://vietnamnet.vn/ngan-hang-canh-bao-thu-doan-lua-dao-lien-ket-vi-apple-google-2490429.html",
                },
            ],
            "body": [
                (
                    "text",
                    "VietQR ra mắt ngày 15/6/2021, do NAPAS cùng 14 ngân hàng triển khai. "
                    "Đây là tên thương hiệu chung cho việc trả tiền, chuyển tiền bằng mã QR qua NAPAS.",
                ),
                (
                    "text",
                    "Mã QR chứa sẵn số tài khoản và ngân hàng của người nhận, có khi cả số tiền và nội dung. "
                    "Ứng dụng đọc mã và tự điền, bạn không phải gõ. Tiền đi qua dịch vụ chuyển nhanh NAPAS 247, "
                    "đến ngay, cả ngày lẫn đêm.",
                ),
                (
                    "step",
                    {
                        "title": "Cài ứng dụng ngân hàng chính thức",
                        "text": (
                            "Chỉ cài ứng dụng ngân hàng từ App Store hoặc CH Play. "
                            "Không cài tệp .apk từ đường link người khác gửi."
                        ),
                        "card": "Cài từ App Store hoặc CH Play",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đối chiếu sinh trắc học",
                        "text": (
                            "Từ 1/1/2025, cá nhân chỉ trả tiền, chuyển tiền trên mạng được sau khi ngân hàng "
                            "đối chiếu khớp giấy tờ tùy thân và sinh trắc học. Nếu chưa làm, hỏi ngân hàng của bạn."
                        ),
                        "card": "Đối chiếu giấy tờ và sinh trắc học",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Biết cách xác nhận giao dịch",
                        "text": (
                            "Khoản nhỏ được xác nhận bằng mã OTP. Từ 1/7/2024, chuyển trên 10 triệu đồng một lần, "
                            "hoặc khi tổng trong ngày vượt 20 triệu đồng, phải xác thực bằng khuôn mặt hoặc vân tay."
                        ),
                        "card": "OTP hoặc khuôn mặt, vân tay",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Mã OTP là của riêng bạn",
                        "text": (
                            "Các ngân hàng khẳng định không bao giờ hỏi mã OTP của khách. "
                            "Không đọc, không gửi mã này cho bất kỳ ai."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Mã VietQR chứa thông tin gì giúp bạn khỏi phải gõ?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Số tài khoản, ngân hàng người nhận, có khi cả số tiền và nội dung",
                                "correct": True,
                                "feedback": "Đúng. Ứng dụng đọc mã và tự điền các thông tin này.",
                            },
                            {
                                "key": "b",
                                "text": "Mật khẩu ứng dụng ngân hàng của bạn",
                                "correct": False,
                                "feedback": "Sai. Mã QR không chứa mật khẩu; mật khẩu chỉ mình bạn biết.",
                            },
                            {
                                "key": "c",
                                "text": "Số dư tài khoản của người nhận",
                                "correct": False,
                                "feedback": "Sai. Mã QR cho biết chuyển tiền đến đâu, không cho biết số dư.",
                            },
                        ],
                        "explanation": "Mã QR giúp bạn khỏi gõ số tài khoản, nhưng bạn vẫn phải kiểm tra người nhận.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": (
                            "Từ 1/7/2024, chuyển khoản trên 10 triệu đồng một lần phải xác thực bằng khuôn mặt hoặc "
                            "vân tay."
                        ),
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": True,
                                "feedback": "Đúng. Đây là quy định của Ngân hàng Nhà nước (Quyết định 2345/QĐ-NHNN).",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": False,
                                "feedback": "Chưa đúng. Khoản trên 10 triệu đồng một lần phải xác thực sinh trắc học.",
                            },
                        ],
                        "explanation": "Khoản nhỏ dùng OTP; khoản lớn phải xác thực bằng khuôn mặt hoặc vân tay.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "single",
                        "prompt": "Bạn nên cài ứng dụng ngân hàng từ đâu?",
                        "options": [
                            {
                                "key": "a",
                                "text": "App Store hoặc CH Play",
                                "correct": True,
                                "feedback": "Đúng. Đây là kho ứng dụng chính thức.",
                            },
                            {
                                "key": "b",
                                "text": "Đường link người lạ gửi qua Zalo",
                                "correct": False,
                                "feedback": "Sai. Link lạ có thể dẫn đến ứng dụng giả để lấy tiền.",
                            },
                            {
                                "key": "c",
                                "text": "Tệp .apk do người tự xưng nhân viên ngân hàng gửi",
                                "correct": False,
                                "feedback": "Sai. Không cài tệp .apk từ đường link, dù người gửi tự xưng là ai.",
                            },
                        ],
                        "explanation": "Chỉ cài ứng dụng từ App Store hoặc CH Play.",
                    },
                ),
            ],
        },
        {
            "key": "quet-ma-tra-tien",
            "title": "Quét mã QR để trả tiền",
            "intro": (
                "Trả tiền bằng mã QR chỉ mất vài bước. Bước quan trọng nhất là đọc tên người nhận trước khi xác nhận."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Báo Lao Động",
                    "date": "02/10/2023",
                    "url": "https://amp.laodong.vn/xa-hoi/chu-quan-o-ha-noi-tu-quet-ma-qr-moi-ngay-de-phong-bi-dan-de-chiem-doat-tien-1249143.ldo",
                },
                {
                    "name": "Hướng dẫn thanh toán trên trang của một số cửa hàng (nguồn không chính thức)",
                    "date": "không ghi ngày",
                    "url": "",
                },
                {
                    "name": "Báo Người Lao Động",
                    "date": "02/02/2026",
                    "url": "https://nld.com.vn/ngan-chan-hon-26-trieu-giao-dich-ngan-hang-dang-ngo-196260202172826613.htm",
                },
                {
                    "name": "Hiệp hội Ngân hàng Việt Nam (VNBA)",
                    "date": "12/2025",
                    "url": "https://vnba.org.vn/vi/chan-hang-tram-ngan-giao-dich-dang-ngo-19665.htm",
                },
            ],
            "body": [
                (
                    "text",
                    "Mỗi ứng dụng ngân hàng trình bày một kiểu. Các bước dưới đây là cách làm chung "
                    "mà ngân hàng và cửa hàng hay hướng dẫn.",
                ),
                (
                    "step",
                    {
                        "title": "Mở ứng dụng, chọn «Quét QR»",
                        "text": "Mở ứng dụng ngân hàng hoặc ví điện tử của bạn. Chọn «Quét QR».",
                        "card": "Chọn «Quét QR»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Quét mã của người nhận",
                        "text": "Đưa camera vào mã QR của cửa hàng hoặc người nhận, giữ yên đến khi ứng dụng đọc xong.",
                        "card": "Đưa camera vào mã QR",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đọc tên người nhận",
                        "text": (
                            "Xem tên người thụ hưởng và số tài khoản hiện trên màn hình. "
                            "Tên phải đúng với cửa hàng hoặc người bạn định trả. Nếu không đúng, dừng lại."
                        ),
                        "card": "Tên người thụ hưởng có đúng không?",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Kiểm tra số tiền và nội dung",
                        "text": "Nhập hoặc xem lại số tiền và nội dung chuyển khoản.",
                        "card": "Xem lại số tiền, nội dung",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Xác nhận giao dịch",
                        "text": "Xác nhận bằng OTP, Smart OTP hoặc khuôn mặt, vân tay, theo yêu cầu của ứng dụng.",
                        "card": "Xác nhận bằng OTP hoặc sinh trắc học",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Khi ứng dụng hiện cảnh báo",
                        "text": (
                            "Ngân hàng Nhà nước có hệ thống SIMO để ngân hàng cảnh báo khi tài khoản nhận tiền "
                            "đáng ngờ, ví dụ tên không khớp dữ liệu dân cư. Thấy cảnh báo, hãy dừng lại. "
                            "Đến tháng 2/2026, hơn 831.000 khách hàng đã dừng hoặc hủy giao dịch nhờ cảnh báo này."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Quét mã xong, việc quan trọng nhất trước khi xác nhận là gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Đọc tên người thụ hưởng và số tài khoản trên màn hình",
                                "correct": True,
                                "feedback": "Đúng. Tên phải khớp với cửa hàng hoặc người bạn định trả.",
                            },
                            {
                                "key": "b",
                                "text": "Bấm xác nhận ngay cho nhanh",
                                "correct": False,
                                "feedback": "Chưa đúng. Nếu mã bị tráo, tiền sẽ vào tài khoản người khác.",
                            },
                            {
                                "key": "c",
                                "text": "Chụp màn hình gửi cho người thân",
                                "correct": False,
                                "feedback": "Chưa đúng. Việc này không giúp bạn biết tiền có đến đúng người không.",
                            },
                        ],
                        "explanation": "Luôn đọc tên người thụ hưởng trước khi xác nhận.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Khi nào bạn nên dừng giao dịch?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Tên người nhận không phải tên cửa hàng",
                                "correct": True,
                                "feedback": "Đúng. Có thể mã QR đã bị dán đè hoặc tráo.",
                            },
                            {
                                "key": "b",
                                "text": "Ứng dụng cảnh báo tài khoản nhận tiền đáng ngờ",
                                "correct": True,
                                "feedback": "Đúng. Hãy dừng lại và hỏi lại người nhận.",
                            },
                            {
                                "key": "c",
                                "text": "Tên người nhận và số tiền đều đúng",
                                "correct": False,
                                "feedback": "Chưa đúng. Khi mọi thứ khớp, bạn có thể xác nhận.",
                            },
                        ],
                        "explanation": "Tên sai hoặc có cảnh báo thì dừng; mọi thứ khớp thì mới xác nhận.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": "Mã QR giúp bạn khỏi gõ số tài khoản, nên không cần kiểm tra gì thêm.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Chưa đúng. Vẫn phải xem tên người nhận, số tiền và nội dung.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Đúng. Mã QR tiện, nhưng bạn vẫn phải kiểm tra trước khi xác nhận.",
                            },
                        ],
                        "explanation": "Mã QR có thể bị tráo, nên luôn kiểm tra người nhận.",
                    },
                ),
            ],
        },
        {
            "key": "nhan-tien",
            "title": "Nhận tiền bằng mã QR của mình",
            "intro": (
                "Nếu bạn bán hàng, mã QR giúp khách trả tiền nhanh. "
                "Nhưng cần giữ mã cẩn thận và chỉ tin vào thông báo trong ứng dụng của chính mình."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Báo Lao Động",
                    "date": "02/10/2023",
                    "url": "https://amp.laodong.vn/xa-hoi/chu-quan-o-ha-noi-tu-quet-ma-qr-moi-ngay-de-phong-bi-dan-de-chiem-doat-tien-1249143.ldo",
                },
                {
                    "name": "Báo Người Lao Động, dẫn Công an TP.HCM",
                    "date": "23/03/2024",
                    "url": "http://m.nld.com.vn/cong-an-tp-hcm-canh-bao-chieu-lua-moi-nhat-cac-chu-quan-an-can-biet-196240323162248668.htm",
                },
                {
                    "name": "VnExpress",
                    "date": "2023",
                    "url": "https://vnexpress.net/ro-chieu-tro-mua-hang-bang-giao-dich-chuyen-khoan-gia-4594437.html",
                },
                {
                    "name": "Soha",
                    "date": "17/08/2025",
                    "url": "https://soha.vn/chu-cua-hang-tai-tp-hcm-ngo-ngang-vi-khong-ngo-bi-lua-boi-thu-doan-nay-19825081709143102.htm",
                },
            ],
            "body": [
                (
                    "text",
                    "Ở nhiều nơi, kẻ gian dán mã QR giả đè lên mã của quán. "
                    "Khách quét mã giả, tiền chạy vào tài khoản người khác. Các bước sau giúp bạn giữ an toàn.",
                ),
                (
                    "step",
                    {
                        "title": "Chỉ để một mã QR",
                        "text": (
                            "Ở quầy thu tiền chỉ để một mã QR của bạn. "
                            "Dùng bảng in cố định, khổ to, hoặc mang mã theo người."
                        ),
                        "card": "Một mã QR duy nhất ở quầy",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tự quét thử mỗi ngày",
                        "text": (
                            "Mỗi ngày, dùng điện thoại quét thử mã đang để ở quầy. Xem tên hiện ra có đúng tên bạn "
                            "không."
                        ),
                        "card": "Tự quét thử mã mỗi ngày",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đọc tên cho khách nghe",
                        "text": "Khi khách quét mã, đọc cho khách tên tài khoản hoặc mấy số cuối để khách đối chiếu.",
                        "card": "Đọc tên, số cuối tài khoản",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Xem tiền về trong ứng dụng của bạn",
                        "text": (
                            "Chỉ giao hàng khi ứng dụng hoặc thông báo số dư của chính bạn báo tiền đã về. "
                            "Không dựa vào màn hình điện thoại của khách."
                        ),
                        "card": "Xem thông báo số dư của mình",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Bill chuyển khoản giả",
                        "text": (
                            "Kẻ gian đưa ảnh chụp hoặc màn hình giả báo đã chuyển tiền thành công. "
                            "Loại bill giả này được rao bán trên mạng với giá 45.000–100.000 đồng. "
                            "Vì tiền chưa hề được chuyển, ngân hàng không thể giúp bạn lấy lại."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "true_false",
                        "prompt": "Khách đưa màn hình báo đã chuyển tiền thành công là đủ để giao hàng.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Chưa đúng. Màn hình đó có thể là bill giả.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Đúng. Chỉ tin thông báo tiền về trong ứng dụng của chính bạn.",
                            },
                        ],
                        "explanation": "Người bán kiểm tra tiền trong tài khoản của mình trước khi giao hàng.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Chủ quán nên làm gì để tránh bị dán đè mã QR?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Chỉ để một mã QR ở quầy, in trên bảng cố định",
                                "correct": True,
                                "feedback": "Đúng. Một mã cố định thì khó bị tráo hơn.",
                            },
                            {
                                "key": "b",
                                "text": "Tự quét thử mã của mình mỗi ngày",
                                "correct": True,
                                "feedback": "Đúng. Quét thử giúp bạn phát hiện mã lạ.",
                            },
                            {
                                "key": "c",
                                "text": "Đọc tên tài khoản cho khách nghe",
                                "correct": True,
                                "feedback": "Đúng. Khách sẽ đối chiếu với tên trên màn hình của họ.",
                            },
                            {
                                "key": "d",
                                "text": "Dán thật nhiều mã QR ở khắp quán",
                                "correct": False,
                                "feedback": "Sai. Càng nhiều mã càng khó kiểm tra, dễ bị dán đè.",
                            },
                        ],
                        "explanation": (
                            "Một mã cố định, tự quét thử mỗi ngày và đọc tên cho khách là cách phòng dán đè."
                        ),
                    },
                ),
            ],
        },
        {
            "key": "lua-dao-qr",
            "title": "Các chiêu lừa đảo bằng mã QR",
            "intro": (
                "Kẻ gian dùng mã QR giả, lời xưng danh giả và cả tiền chuyển nhầm để lấy tiền. "
                "Bài này giúp bạn nhận ra và biết làm gì."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Báo Hải Dương",
                    "date": "17/08/2023",
                    "url": "https://baohaiduong.vn/print/351331.html",
                },
                {
                    "name": "Ngôi Sao",
                    "date": "09/07/2025",
                    "url": "https://ngoisao.vn/theo-dong-su-kien/doi-song-so/tai-khoan-ngan-hang-co-the-bi-danh-cap-khi-quet-ma-qr-thanh-toan-nhung-luu-y-nhat-dinh-phai-nho-de-tranh-mat-tien-oan-440962.htm",
                },
                {
                    "name": "Soha, dẫn VPBank",
                    "date": "16/08/2025",
                    "url": "https://soha.vn/nhan-duoc-tien-chuyen-khoan-ngan-hang-lon-canh-bao-khong-chuyen-tra-lai-trong-truong-hop-sau-198250815230244237.htm",
                },
                {
                    "name": "CafeF",
                    "date": "01/2023",
                    "url": "https://cafef.vn/xu-ly-the-nao-khi-bi-lua-dao-chuyen-tien-nham-ngay-tet-2023011923573728.chn",
                },
                {
                    "name": "CafeF",
                    "date": "19/10/2025",
                    "url": "https://cafef.vn/cach-lay-lai-tien-da-chuyen-khoan-khi-bi-lua-dung-quy-dinh-phap-luat-18825101912212633.chn",
                },
                {
                    "name": "Báo Pháp Luật TP.HCM, dẫn Bộ Công an",
                    "date": "không ghi ngày",
                    "url": "https://plo.vn/an-ninh-trat-tu/gia-dich-vu-chuyen-tien-western-union-de-lua-dao-922371.html",
                },
            ],
            "body": [
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Mã QR dán đè",
                        "text": (
                            "Kẻ gian dán mã QR giả lên mã thật ở quầy hàng, quán cà phê, cả bệnh viện. "
                            "Tiền bạn trả chạy vào tài khoản của họ. Vì vậy luôn đọc tên người nhận trước khi xác nhận."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Mã QR giả trên tờ rơi, hóa đơn, hoặc do người lạ gửi",
                        "text": (
                            "Có mã QR giả in trên tờ rơi, hóa đơn, làm giống nhà hàng, cửa hàng. "
                            "Có kẻ tự xưng nhân viên ngân hàng hay cán bộ, gửi mã QR bảo quét để xác minh thông tin. "
                            "Từ đó họ dụ bạn đưa mã OTP hoặc quét khuôn mặt."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Tiền chuyển nhầm",
                        "text": (
                            "Người lạ chuyển tiền vào tài khoản bạn, rồi gọi đòi lại, có khi đòi nhiều hơn, "
                            "bắt chuyển sang tài khoản khác, hoặc nói là nợ kèm lãi."
                        ),
                    },
                ),
                (
                    "step",
                    {
                        "title": "Không quét mã người lạ gửi",
                        "text": (
                            "Không quét mã QR do người tự xưng nhân viên ngân hàng hay cán bộ gửi. "
                            "Không đọc mã OTP cho ai. Muốn hỏi, tự gọi tổng đài chính thức của ngân hàng."
                        ),
                        "card": "Không quét mã lạ, không đọc OTP",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Có tiền lạ: không tiêu, không chuyển lại",
                        "text": (
                            "Nếu có tiền lạ chuyển đến, không tiêu số tiền đó. Không chuyển trả theo lời người gọi."
                        ),
                        "card": "Tiền lạ: giữ nguyên",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Báo ngân hàng và công an",
                        "text": (
                            "Báo cho ngân hàng và công an về khoản tiền lạ. "
                            "Chỉ trả lại qua ngân hàng, hoặc khi có yêu cầu chính thức bằng văn bản."
                        ),
                        "card": "Báo ngân hàng, công an",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Lỡ chuyển tiền cho kẻ gian: gọi ngân hàng ngay",
                        "text": (
                            "Gọi ngay tổng đài ngân hàng, đề nghị tra soát và phong tỏa tài khoản nhận tiền. "
                            "Sau đó báo công an. Càng nhanh càng tốt."
                        ),
                        "card": "Gọi ngân hàng để phong tỏa",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": (
                            "Người tự xưng nhân viên ngân hàng gửi mã QR, bảo bạn quét để xác minh thông tin. Bạn làm "
                            "gì?"
                        ),
                        "options": [
                            {
                                "key": "a",
                                "text": "Không quét; tự gọi tổng đài chính thức của ngân hàng để hỏi",
                                "correct": True,
                                "feedback": "Đúng. Đây là chiêu dụ lấy OTP hoặc khuôn mặt của bạn.",
                            },
                            {
                                "key": "b",
                                "text": "Quét mã và đọc mã OTP cho họ",
                                "correct": False,
                                "feedback": "Sai. Ngân hàng không bao giờ hỏi mã OTP; đưa OTP có thể mất tiền.",
                            },
                            {
                                "key": "c",
                                "text": "Quét mã, làm theo hướng dẫn nhưng không đọc OTP",
                                "correct": False,
                                "feedback": (
                                    "Sai. Làm theo hướng dẫn của họ có thể dẫn tới việc bị lấy khuôn mặt hoặc OTP."
                                ),
                            },
                        ],
                        "explanation": "Không quét mã QR của người lạ gửi để xác minh; tự liên hệ ngân hàng.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "single",
                        "prompt": (
                            "Người lạ chuyển nhầm tiền vào tài khoản bạn rồi gọi đòi, bảo chuyển sang một tài khoản "
                            "khác. Bạn làm gì?"
                        ),
                        "options": [
                            {
                                "key": "a",
                                "text": "Không tiêu, không chuyển theo lời họ; báo ngân hàng và công an",
                                "correct": True,
                                "feedback": (
                                    "Đúng. Chỉ trả lại qua ngân hàng hoặc khi có yêu cầu chính thức bằng văn bản."
                                ),
                            },
                            {
                                "key": "b",
                                "text": "Chuyển ngay sang tài khoản họ đưa cho xong",
                                "correct": False,
                                "feedback": "Sai. Đây là chiêu lừa; bạn có thể mất tiền hoặc bị đòi thêm.",
                            },
                            {
                                "key": "c",
                                "text": "Dùng tạm số tiền đó, khi nào họ đòi thì tính",
                                "correct": False,
                                "feedback": "Sai. Không tiêu khoản tiền lạ; hãy báo ngân hàng.",
                            },
                        ],
                        "explanation": "Với tiền chuyển nhầm, không tiêu và không tự chuyển trả theo lời người lạ.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": (
                            "Lỡ chuyển tiền cho kẻ gian, bạn nên gọi ngân hàng ngay để đề nghị phong tỏa tài khoản "
                            "nhận."
                        ),
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": True,
                                "feedback": "Đúng. Tốc độ rất quan trọng; sau đó báo công an.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": False,
                                "feedback": "Chưa đúng. Gọi ngân hàng càng sớm càng có cơ hội giữ lại tiền.",
                            },
                        ],
                        "explanation": "Gọi ngân hàng để tra soát, phong tỏa, rồi báo công an.",
                    },
                ),
            ],
        },
    ],
}
