"""Nộp phí, lệ phí trực tuyến trên Cổng Dịch vụ công: demo course content. Sources are named per lesson."""

COURSE = {
    "key": "paygov",
    "title": "Nộp phí, lệ phí trực tuyến trên Cổng Dịch vụ công",
    "summary": (
        "Trả phí, lệ phí của hồ sơ ngay trên Cổng Dịch vụ công quốc gia, không cần mang tiền mặt. "
        "Học cách kiểm tra số tiền, lưu biên lai và xử lý khi trả tiền không thành công."
    ),
    "audience": "Dành cho: người dân đã có tài khoản VNeID mức 2 và muốn nộp hồ sơ có phí trên mạng.",
    "estimated_minutes": 12,
    "skills": ["thanh-toan", "dvc"],
    "cover": {"label": "Nộp phí", "color": "#14532d"},
    "lessons": [
        {
            "key": "phi-va-paygov",
            "title": "Phí, lệ phí và PayGov là gì",
            "intro": (
                "Nhiều thủ tục hành chính phải nộp phí hoặc lệ phí. "
                "Bài này giải thích bạn trả khoản tiền đó trên mạng qua đâu và cần chuẩn bị gì."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "VnExpress",
                    "date": "24/07/2020",
                    "url": "https://vnexpress.net/dich-vu-cong-quoc-gia-co-cong-ho-tro-thanh-toan-4135663.html",
                },
                {
                    "name": "Báo Dân tộc & Miền núi",
                    "date": "2020",
                    "url": "https://dantocmiennui.vn/thuc-day-thanh-toan-dien-tu-cho-dich-vu-cong-truc-tuyen-quoc-gia-qua-cong-paygov-post290766.html",
                },
                {
                    "name": "UBND phường Nam Hồng Lĩnh, Hà Tĩnh",
                    "date": "2025",
                    "url": "https://namhonglinh.hatinh.gov.vn/tin-tuc/thong-bao-tu-ngay-1102025-25-dich-vu-cong-thiet-yeu-dung-tiep-nhan-ho-so-giay",
                },
                {
                    "name": "ViMass, trang thanh toán dịch vụ công",
                    "date": "không ghi ngày",
                    "url": "https://vimass.vn/dichvucong",
                },
            ],
            "body": [
                (
                    "text",
                    "Khi nộp hồ sơ trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), "
                    "bạn có thể trả phí, lệ phí ngay trên mạng. Bạn không phải mang tiền mặt đến cơ quan.",
                ),
                (
                    "text",
                    "PayGov là Cổng hỗ trợ thanh toán quốc gia, ra mắt ngày 24/7/2020, địa chỉ pay.gov.vn. "
                    "PayGov không trực tiếp làm việc thanh toán. Nó là nền tảng nối các cổng dịch vụ công "
                    "với ngân hàng và đơn vị trung gian thanh toán. Lúc ra mắt có 9 đơn vị trung gian, "
                    "trong đó có NAPAS, VNPay, Viettel Digital và Ngân Lượng.",
                ),
                (
                    "text",
                    "Cổng Dịch vụ công quốc gia cũng có nền tảng thanh toán trực tuyến của mình. "
                    "Báo chí có khi gọi chung là PayGov. Dù tên gọi thế nào, điều cần nhớ là: "
                    "chỉ trả phí từ trong hồ sơ của chính bạn trên Cổng.",
                ),
                (
                    "step",
                    {
                        "title": "Đăng nhập Cổng bằng VNeID",
                        "text": (
                            "Tự gõ địa chỉ dichvucong.gov.vn. Đăng nhập bằng tài khoản VNeID mức 2. "
                            "Không bấm vào đường link do người lạ gửi."
                        ),
                        "card": "Đăng nhập dichvucong.gov.vn",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đọc mức phí của thủ tục",
                        "text": (
                            "Khi chọn thủ tục, đọc phần điều kiện, phí, lệ phí và giấy tờ cần có. "
                            "Ghi lại mức phí để so sánh lúc trả tiền."
                        ),
                        "card": "Đọc phần phí, lệ phí",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chuẩn bị cách trả tiền",
                        "text": (
                            "Bạn có thể trả bằng ứng dụng ngân hàng trên điện thoại, thẻ ATM hoặc ví điện tử. "
                            "Chọn sẵn một cách mà bạn quen dùng."
                        ),
                        "card": "App ngân hàng, thẻ ATM, ví điện tử",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Nộp hồ sơ, ghi lại mã hồ sơ",
                        "text": (
                            "Điền tờ khai, đính kèm giấy tờ rồi bấm «Nộp hồ sơ». "
                            "Ghi lại mã hồ sơ mà hệ thống cấp cho bạn."
                        ),
                        "card": "Bấm «Nộp hồ sơ», ghi mã hồ sơ",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Có thể có phí của bên trung gian",
                        "text": (
                            "Ngoài phí, lệ phí của thủ tục, đơn vị trung gian có thể thu phí riêng. "
                            "Ví dụ, trang của ViMass ghi phí trả bằng thẻ ATM là 1.000 đ/lần. "
                            "Mỗi đơn vị một khác, hãy đọc kỹ trước khi trả."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "PayGov làm việc gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Nối cổng dịch vụ công với ngân hàng và đơn vị trung gian thanh toán",
                                "correct": True,
                                "feedback": "Đúng. PayGov là nền tảng kết nối, không trực tiếp làm việc thanh toán.",
                            },
                            {
                                "key": "b",
                                "text": "Giữ tiền phí của người dân thay cho cơ quan nhà nước",
                                "correct": False,
                                "feedback": (
                                    "Chưa đúng. PayGov không làm chức năng thanh toán, chỉ là nền tảng kết nối."
                                ),
                            },
                            {
                                "key": "c",
                                "text": "Cấp tài khoản VNeID mức 2",
                                "correct": False,
                                "feedback": (
                                    "Chưa đúng. Tài khoản VNeID mức 2 do công an cấp, không liên quan đến PayGov."
                                ),
                            },
                        ],
                        "explanation": (
                            "PayGov ra mắt năm 2020 để nối cổng dịch vụ công với ngân hàng và trung gian thanh toán."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Bạn có thể trả phí, lệ phí trên mạng bằng những cách nào?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Ứng dụng ngân hàng trên điện thoại",
                                "correct": True,
                                "feedback": "Đúng. Đây là một cách trả phí phổ biến.",
                            },
                            {
                                "key": "b",
                                "text": "Thẻ ATM",
                                "correct": True,
                                "feedback": "Đúng. Thẻ ATM cũng dùng được.",
                            },
                            {
                                "key": "c",
                                "text": "Ví điện tử",
                                "correct": True,
                                "feedback": "Đúng. Ví điện tử cũng là một cách trả.",
                            },
                            {
                                "key": "d",
                                "text": "Chuyển tiền cho người gọi điện tự xưng là cán bộ",
                                "correct": False,
                                "feedback": (
                                    "Sai. Chỉ trả phí từ trong hồ sơ của bạn trên Cổng, không trả cho người gọi điện."
                                ),
                            },
                        ],
                        "explanation": (
                            "Ứng dụng ngân hàng, thẻ ATM và ví điện tử đều dùng được, miễn là bạn trả từ trong hồ sơ "
                            "trên Cổng."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": "Nên đọc và ghi lại mức phí của thủ tục trước khi nộp hồ sơ.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": True,
                                "feedback": "Đúng. Biết trước mức phí giúp bạn kiểm tra số tiền lúc trả.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": False,
                                "feedback": "Chưa đúng. Nếu không biết trước mức phí, bạn khó phát hiện số tiền sai.",
                            },
                        ],
                        "explanation": "Phần thông tin thủ tục ghi điều kiện, phí, lệ phí và giấy tờ cần có.",
                    },
                ),
            ],
        },
        {
            "key": "tra-phi",
            "title": "Trả phí từ trang quản lý hồ sơ",
            "intro": (
                "Sau khi bạn nộp hồ sơ có phí, Cổng sẽ hiện yêu cầu thanh toán. "
                "Bài này đi từng bước theo hướng dẫn của Cổng Dịch vụ công tỉnh Bình Dương."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Cổng Dịch vụ công tỉnh Bình Dương, hướng dẫn thanh toán trực tuyến",
                    "date": "không ghi ngày",
                    "url": "https://dichvucong.binhduong.gov.vn/Huong-dan/9-Thanh-toan-truc-tuyen",
                },
                {
                    "name": "CafeF",
                    "date": "10/08/2025",
                    "url": "https://cafef.vn/nghe-dien-thoai-co-noi-dung-nay-hay-tat-may-ngay-lap-tuc-18825081006551938.chn",
                },
            ],
            "body": [
                (
                    "text",
                    "Tên các mục trên màn hình có thể đổi theo phiên bản của Cổng. "
                    "Nếu không thấy đúng chữ như dưới đây, hãy tìm mục có ý nghĩa giống vậy hoặc nhờ người hỗ trợ.",
                ),
                (
                    "step",
                    {
                        "title": "Mở mục «Quản lý hồ sơ»",
                        "text": "Đăng nhập Cổng. Mở mục «Quản lý hồ sơ» và tìm hồ sơ bạn vừa nộp.",
                        "card": "Mục «Quản lý hồ sơ»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Bấm «Yêu cầu thanh toán»",
                        "text": "Khi hồ sơ có yêu cầu trả tiền, bấm «Yêu cầu thanh toán» để mở trang trả tiền.",
                        "card": "Bấm «Yêu cầu thanh toán»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Kiểm tra số tiền",
                        "text": (
                            "Đọc kỹ số tiền trên màn hình. So với mức phí, lệ phí bạn đã ghi lại lúc chọn thủ tục. "
                            "Nếu thấy khác hoặc không hiểu, dừng lại và hỏi cơ quan giải quyết hồ sơ."
                        ),
                        "card": "So số tiền với mức phí đã ghi",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chọn ngân hàng hoặc đơn vị trung gian",
                        "text": (
                            "Chọn cổng thanh toán quốc gia. Sau đó chọn ngân hàng hoặc đơn vị trung gian "
                            "bạn dùng, rồi làm tiếp theo hướng dẫn trên màn hình."
                        ),
                        "card": "Chọn ngân hàng hoặc trung gian",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chờ dòng báo thành công",
                        "text": (
                            "Trả xong, màn hình hiện «Kết quả giao dịch thành công». "
                            "Chỉ coi là đã trả xong khi thấy dòng này."
                        ),
                        "card": "«Kết quả giao dịch thành công»",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Trả đúng nơi, đúng người nhận",
                        "text": (
                            "Chỉ trả phí từ trong hồ sơ của chính bạn trên Cổng. "
                            "Không chuyển tiền phí vào số tài khoản mà ai đó gửi qua điện thoại, Zalo hay tin nhắn. "
                            "Kẻ gian đã làm trang web giả Cổng Dịch vụ công với địa chỉ gần giống thật."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Theo hướng dẫn của Bình Dương, bạn tìm yêu cầu trả phí ở đâu?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Trong «Quản lý hồ sơ», bấm «Yêu cầu thanh toán»",
                                "correct": True,
                                "feedback": "Đúng. Yêu cầu trả phí nằm ngay trong hồ sơ của bạn trên Cổng.",
                            },
                            {
                                "key": "b",
                                "text": "Trong tin nhắn Zalo của người tự xưng là cán bộ",
                                "correct": False,
                                "feedback": "Sai. Không trả phí theo tin nhắn Zalo; đó có thể là kẻ gian.",
                            },
                            {
                                "key": "c",
                                "text": "Trong một ứng dụng lạ được gửi qua đường link",
                                "correct": False,
                                "feedback": "Sai. Ứng dụng lạ qua đường link có thể là ứng dụng giả để lấy tiền.",
                            },
                        ],
                        "explanation": "Yêu cầu trả phí hiện trong mục «Quản lý hồ sơ» của chính bạn.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": "Số tiền trên màn hình khác mức phí đã đọc, nhưng bạn vẫn nên trả cho nhanh.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": (
                                    "Chưa đúng. Khi số tiền khác, hãy dừng lại và hỏi cơ quan giải quyết hồ sơ."
                                ),
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Đúng. Không trả khi số tiền chưa rõ ràng.",
                            },
                        ],
                        "explanation": "Luôn so số tiền với mức phí của thủ tục trước khi trả.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "single",
                        "prompt": "Khi nào bạn coi là đã trả phí xong?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Khi màn hình hiện «Kết quả giao dịch thành công»",
                                "correct": True,
                                "feedback": "Đúng. Đây là dòng báo giao dịch đã xong.",
                            },
                            {
                                "key": "b",
                                "text": "Ngay khi bạn chọn xong ngân hàng",
                                "correct": False,
                                "feedback": "Chưa đúng. Chọn ngân hàng mới là một bước, chưa phải trả xong.",
                            },
                            {
                                "key": "c",
                                "text": "Ngay khi bạn bấm «Yêu cầu thanh toán»",
                                "correct": False,
                                "feedback": "Chưa đúng. Bấm nút này chỉ mở trang trả tiền.",
                            },
                        ],
                        "explanation": "Chỉ khi thấy «Kết quả giao dịch thành công» thì giao dịch mới xong.",
                    },
                ),
            ],
        },
        {
            "key": "bien-lai",
            "title": "Lưu biên lai và theo dõi hồ sơ",
            "intro": (
                "Trả phí xong, bạn nên tải biên lai và giữ mã hồ sơ. "
                "Hai thứ này giúp bạn đối chiếu và theo dõi hồ sơ về sau."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Cổng Dịch vụ công tỉnh Bình Dương, hướng dẫn thanh toán trực tuyến",
                    "date": "không ghi ngày",
                    "url": "https://dichvucong.binhduong.gov.vn/Huong-dan/9-Thanh-toan-truc-tuyen",
                },
                {
                    "name": "Cổng Dịch vụ công tỉnh Lâm Đồng, hướng dẫn sử dụng",
                    "date": "01/01/2022",
                    "url": "https://dichvucong.lamdong.gov.vn/lamdong/huongdan",
                },
                {
                    "name": "egov Hà Nội, hướng dẫn công dân sử dụng dịch vụ công trực tuyến",
                    "date": "không ghi ngày",
                    "url": "https://egov.hanoi.gov.vn/huong-dan/su-dung-dvctr",
                },
                {
                    "name": "huongdancongdong.com (trang hướng dẫn không chính thức)",
                    "date": "không ghi ngày",
                    "url": "https://huongdancongdong.com/dich-vu-cong/huong-dan-tra-cuu-ma-ho-so-tren-cong-dich-vu-cong-bo-cong-an-77.html",
                },
                {
                    "name": "Báo Công an nhân dân",
                    "date": "15/06/2024",
                    "url": "https://amp.cand.com.vn/su-kien-binh-luan-thoi-su/huong-dan-dang-ky-khai-sinh-dang-ky-thuong-tru-cap-the-bhyt-online-cho-tre-duoi-6-tuoi-i734441",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Mở mục «Đã thanh toán»",
                        "text": "Trong «Quản lý hồ sơ», mở mục «Đã thanh toán». Tìm hồ sơ bạn vừa trả phí.",
                        "card": "Mục «Đã thanh toán»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tải biên lai về máy",
                        "text": "Tải biên lai của hồ sơ đó về điện thoại hoặc máy tính.",
                        "card": "Tải biên lai về máy",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Cất giữ biên lai và mã hồ sơ",
                        "text": "Lưu biên lai vào chỗ dễ tìm. Chép mã hồ sơ ra sổ để tra cứu về sau.",
                        "card": "Lưu biên lai, chép mã hồ sơ",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Theo dõi hồ sơ",
                        "text": (
                            "Tra cứu tình trạng hồ sơ trên Cổng bằng mã hồ sơ. Hoặc đăng nhập rồi mở mục "
                            "«Dịch vụ công của tôi» (tên mục có thể khác tùy phiên bản)."
                        ),
                        "card": "Tra cứu bằng mã hồ sơ",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Thông báo và bổ sung hồ sơ",
                        "text": (
                            "Với một số thủ tục liên thông, như khai sinh cho trẻ, thông báo còn gửi qua VNeID "
                            "và tin nhắn SMS. Nếu cơ quan yêu cầu bổ sung hồ sơ, bạn làm ngay trên trang tra cứu hồ sơ."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "multiple",
                        "prompt": "Sau khi trả phí, bạn nên giữ lại những gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Biên lai tải từ mục «Đã thanh toán»",
                                "correct": True,
                                "feedback": "Đúng. Biên lai giúp bạn đối chiếu khi cần.",
                            },
                            {
                                "key": "b",
                                "text": "Mã hồ sơ",
                                "correct": True,
                                "feedback": "Đúng. Mã hồ sơ dùng để tra cứu tình trạng hồ sơ.",
                            },
                            {
                                "key": "c",
                                "text": "Mật khẩu VNeID, đưa cho người quen giữ hộ",
                                "correct": False,
                                "feedback": "Sai. Không đưa mật khẩu cho bất kỳ ai, kể cả người quen.",
                            },
                        ],
                        "explanation": "Giữ biên lai và mã hồ sơ; mật khẩu thì chỉ mình bạn biết.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "single",
                        "prompt": "Muốn biết hồ sơ đang được giải quyết đến đâu, bạn làm gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Tra cứu trên Cổng bằng mã hồ sơ",
                                "correct": True,
                                "feedback": "Đúng. Mã hồ sơ giúp bạn xem tình trạng hồ sơ.",
                            },
                            {
                                "key": "b",
                                "text": "Nộp lại một hồ sơ mới",
                                "correct": False,
                                "feedback": "Chưa đúng. Nộp hồ sơ mới không cho bạn biết hồ sơ cũ đang ở đâu.",
                            },
                            {
                                "key": "c",
                                "text": "Gọi lại số lạ vừa nhắn tin tự xưng cán bộ",
                                "correct": False,
                                "feedback": "Sai. Số lạ có thể là kẻ gian; hãy tra cứu trên Cổng.",
                            },
                        ],
                        "explanation": "Lưu mã hồ sơ để tra cứu tình trạng trên Cổng bất cứ lúc nào.",
                    },
                ),
            ],
        },
        {
            "key": "khi-gap-loi",
            "title": "Khi trả phí không thành công hoặc bị đòi phí lạ",
            "intro": (
                "Đôi khi việc trả tiền bị gián đoạn. Bài này giúp bạn kiểm tra bình tĩnh, "
                "tránh trả hai lần và nhận ra kẻ gian đòi phí."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Báo Lao Động",
                    "date": "2025",
                    "url": "https://news.laodong.vn/thoi-su/trung-tam-hanh-chinh-cong-khong-thu-ho-so-giay-25-dich-vu-cong-1575446.ldo",
                },
                {
                    "name": "Báo Dân trí, dẫn Công an Đà Nẵng",
                    "date": "18/07/2025",
                    "url": "https://dantri.com.vn/phap-luat/cong-an-rom-yeu-cau-cap-nhat-vneid-nguoi-phu-nu-mat-gan-130-trieu-dong-20250718223608817.htm",
                },
                {
                    "name": "CafeF",
                    "date": "10/08/2025",
                    "url": "https://cafef.vn/nghe-dien-thoai-co-noi-dung-nay-hay-tat-may-ngay-lap-tuc-18825081006551938.chn",
                },
                {
                    "name": "Báo Lâm Đồng, dẫn Bộ Công an",
                    "date": "07/2025",
                    "url": "https://baolamdong.vn/canh-bao-thu-doan-lua-dao-cai-ung-dung-vneid-gia-mao-381194.html",
                },
                {
                    "name": "CafeF",
                    "date": "19/10/2025",
                    "url": "https://cafef.vn/cach-lay-lai-tien-da-chuyen-khoan-khi-bi-lua-dung-quy-dinh-phap-luat-18825101912212633.chn",
                },
            ],
            "body": [
                (
                    "text",
                    "Chúng tôi chưa tìm thấy hướng dẫn chính thức riêng cho trường hợp trả phí bị lỗi. "
                    "Các bước dưới đây là cách kiểm tra an toàn. Khi cần, hãy hỏi ngân hàng hoặc cơ quan giải quyết "
                    "hồ sơ.",
                ),
                (
                    "step",
                    {
                        "title": "Đừng trả lại ngay",
                        "text": "Nếu không thấy «Kết quả giao dịch thành công», đừng vội trả thêm lần nữa.",
                        "card": "Khoan trả lần hai",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Xem lại hồ sơ trên Cổng",
                        "text": "Vào «Quản lý hồ sơ». Xem hồ sơ đã nằm trong mục «Đã thanh toán» chưa.",
                        "card": "Xem mục «Đã thanh toán»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Xem tài khoản ngân hàng",
                        "text": (
                            "Mở app ngân hàng, xem tiền đã bị trừ chưa. Nếu tiền chưa bị trừ và hồ sơ vẫn "
                            "còn yêu cầu thanh toán, bạn có thể thử lại, hoặc chọn ngân hàng, trung gian khác."
                        ),
                        "card": "Xem tiền đã bị trừ chưa",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Hỏi đúng nơi",
                        "text": (
                            "Nếu tiền đã bị trừ mà hồ sơ chưa ghi đã trả, gọi tổng đài chính thức của ngân hàng. "
                            "Bạn cũng có thể đến Trung tâm Phục vụ hành chính công, nơi có người hỗ trợ làm thủ tục "
                            "trên mạng."
                        ),
                        "card": "Gọi tổng đài chính thức của ngân hàng",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Kẻ gian đòi «phí cập nhật»",
                        "text": (
                            "Sau đợt sắp xếp địa giới hành chính tháng 7/2025, có người giả công an gọi điện, "
                            "bắt cập nhật địa chỉ trên VNeID và đòi một khoản phí nhỏ, như 22.000 đồng. "
                            "Một phụ nữ ở Đà Nẵng sau đó mất 129 triệu đồng. Việc cập nhật địa giới do hệ thống "
                            "tự làm. Mọi khoản phí đòi qua điện thoại hay Zalo để cập nhật VNeID hoặc dịch vụ công "
                            "đều là lừa đảo."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Trang web giả Cổng Dịch vụ công",
                        "text": (
                            "Kẻ gian làm trang web và ứng dụng giả với địa chỉ gần giống thật. "
                            "Luôn tự gõ đúng dichvucong.gov.vn, không bấm vào kết quả tìm kiếm lạ."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Nếu lỡ chuyển tiền cho kẻ gian",
                        "text": (
                            "Gọi ngay tổng đài ngân hàng, đề nghị tra soát và phong tỏa tài khoản nhận tiền. "
                            "Sau đó báo công an. Càng làm nhanh càng tốt."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Bạn trả phí nhưng không thấy dòng báo thành công. Nên làm gì trước?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Xem hồ sơ đã vào mục «Đã thanh toán» chưa và tiền đã bị trừ chưa",
                                "correct": True,
                                "feedback": "Đúng. Kiểm tra trước giúp bạn tránh trả hai lần.",
                            },
                            {
                                "key": "b",
                                "text": "Trả lại ngay một lần nữa",
                                "correct": False,
                                "feedback": "Chưa đúng. Có thể tiền đã bị trừ; trả lại ngay dễ bị trả hai lần.",
                            },
                            {
                                "key": "c",
                                "text": "Gọi số điện thoại lạ vừa nhắn tin mời hỗ trợ",
                                "correct": False,
                                "feedback": (
                                    "Sai. Chỉ hỏi tổng đài chính thức của ngân hàng hoặc cơ quan giải quyết hồ sơ."
                                ),
                            },
                        ],
                        "explanation": "Kiểm tra hồ sơ trên Cổng và tài khoản ngân hàng trước, rồi mới quyết định.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": (
                            "Người gọi tự xưng công an, đòi 22.000 đồng phí cập nhật VNeID theo địa giới mới, là cán "
                            "bộ thật."
                        ),
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Chưa đúng. Đây là chiêu lừa đảo đã được công an cảnh báo.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Đúng. Hệ thống tự cập nhật địa giới; không ai gọi điện thu phí việc này.",
                            },
                        ],
                        "explanation": "Khoản phí nhỏ chỉ là mồi; nạn nhân sau đó có thể mất rất nhiều tiền.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "multiple",
                        "prompt": "Nếu lỡ chuyển tiền cho kẻ gian, bạn nên làm gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Gọi ngay tổng đài ngân hàng để tra soát, phong tỏa tài khoản nhận",
                                "correct": True,
                                "feedback": "Đúng. Càng gọi sớm càng có cơ hội giữ lại tiền.",
                            },
                            {
                                "key": "b",
                                "text": "Báo công an",
                                "correct": True,
                                "feedback": "Đúng. Sau khi gọi ngân hàng, hãy báo công an.",
                            },
                            {
                                "key": "c",
                                "text": "Chờ vài tuần xem kẻ gian có trả lại không",
                                "correct": False,
                                "feedback": "Sai. Chờ đợi làm mất thời gian quý để phong tỏa tiền.",
                            },
                            {
                                "key": "d",
                                "text": "Chuyển thêm tiền để được mở khóa hoặc lấy lại tiền",
                                "correct": False,
                                "feedback": "Sai. Không bao giờ chuyển tiền để mở khóa hay lấy lại tiền.",
                            },
                        ],
                        "explanation": "Gọi ngân hàng ngay, rồi báo công an. Tốc độ rất quan trọng.",
                    },
                ),
            ],
        },
    ],
}
