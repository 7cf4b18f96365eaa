"""Cài đặt và kích hoạt VNeID: demo course content. Sources are named per lesson."""

COURSE = {
    "key": "vneid",
    "title": "Cài đặt và kích hoạt VNeID",
    "summary": (
        "Cài ứng dụng VNeID đúng cách, tự đăng ký tài khoản mức 1, lên Công an cấp xã "
        "để có mức 2, rồi kích hoạt tài khoản. Bạn cũng học cách nhận ra kẻ gian giả danh công an."
    ),
    "audience": ("Dành cho: người dân từ 14 tuổi có thẻ căn cước gắn chip, muốn dùng VNeID trên điện thoại của mình."),
    "estimated_minutes": 12,
    "skills": ["dinh-danh", "dvc"],
    "cover": {"label": "VNeID", "color": "#1d4ed8"},
    "lessons": [
        {
            "key": "cai-dat",
            "title": "Cài VNeID từ kho ứng dụng chính thức",
            "intro": (
                "VNeID là ứng dụng định danh điện tử của Bộ Công an. "
                "Bài này chỉ bạn cài đúng ứng dụng thật và tránh ứng dụng giả."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "UBND xã Thiệu Toán (Thanh Hóa)",
                    "date": "29/11/2022",
                    "url": "http://thieutoan.thieuhoa.thanhhoa.gov.vn/web/trang-chu/tin-tuc-su-kien/an-ninh-quoc-phong/huong-dan-cai-dat-vneid-tren-dien-thoai-di-dong.html",
                },
                {
                    "name": "UBND xã Ea Phê (Đắk Lắk)",
                    "date": "03/01/2024",
                    "url": "http://eaphe.krongpac.daklak.gov.vn/huong-dan-kich-hoat-tai-khoan-dinh-danh-dien-tu-muc-do-2-tren-ung-dung-vneid-5142.html",
                },
                {
                    "name": "Bộ Công an, qua CafeF",
                    "date": "08/02/2024",
                    "url": "https://cafef.vn/bo-cong-an-khuyen-cao-4-dieu-nguoi-dan-can-luu-y-de-tranh-bi-chiem-doat-tai-khoan-ngan-hang-188240208104440651.chn",
                },
                {
                    "name": "Công an TP.HCM, qua CafeF",
                    "date": "10/2023",
                    "url": "https://cafef.vn/canh-bao-cuoc-goi-mao-danh-cong-an-lua-dao-huong-dan-kich-hoat-dinh-danh-dien-tu-188231006135626628.chn",
                },
                {
                    "name": "Báo Lâm Đồng (Bộ Công an cảnh báo)",
                    "date": "07/2025",
                    "url": "https://baolamdong.vn/canh-bao-thu-doan-lua-dao-cai-ung-dung-vneid-gia-mao-381194.html",
                },
            ],
            "body": [
                (
                    "text",
                    "VNeID do Trung tâm dữ liệu quốc gia về dân cư, Bộ Công an làm ra. "
                    "Chỉ có một ứng dụng VNeID duy nhất. "
                    "Bạn chỉ tải ứng dụng này từ kho ứng dụng có sẵn trên điện thoại.",
                ),
                (
                    "step",
                    {
                        "title": "Mở kho ứng dụng",
                        "text": (
                            "Nếu dùng iPhone, bạn mở App Store. "
                            "Nếu dùng điện thoại Android, bạn mở CH Play (Google Play)."
                        ),
                        "card": "App Store hoặc CH Play",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tìm VNeID",
                        "text": ('Chạm vào ô tìm kiếm và gõ chữ "VNeID". Chọn đúng ứng dụng VNeID trong kết quả.'),
                        "card": 'Gõ "VNeID" vào ô tìm kiếm',
                    },
                ),
                (
                    "step",
                    {
                        "title": "Cài đặt ứng dụng",
                        "text": (
                            "Chạm nút tải về để cài. Chờ điện thoại cài xong, rồi mở VNeID từ màn hình điện thoại."
                        ),
                        "card": "Tải về và mở VNeID",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Không bao giờ cài VNeID từ đường link",
                        "text": (
                            "Kẻ gian hay giả làm công an hoặc cán bộ xã, phường. "
                            "Họ gọi điện, rồi gửi đường link qua Zalo, Facebook hoặc tin nhắn "
                            "để bạn cài một ứng dụng VNeID giả. "
                            "Ứng dụng giả có thể đọc tin nhắn, lấy mã OTP và rút hết tiền trong tài khoản ngân hàng. "
                            "Đừng bấm những đường link đó. "
                            "Đừng bật quyền cài ứng dụng từ nguồn không xác định."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Lỡ cài ứng dụng lạ thì làm gì?",
                        "text": (
                            "Gọi ngay cho ngân hàng để khóa tài khoản. Tắt nguồn điện thoại. Sau đó báo cho công an."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Bạn nên tải ứng dụng VNeID ở đâu?",
                        "options": [
                            {
                                "key": "a",
                                "text": "App Store (iPhone) hoặc CH Play (Android)",
                                "correct": True,
                                "feedback": "Đúng. Đây là kho ứng dụng chính thức mà Bộ Công an khuyên dùng.",
                            },
                            {
                                "key": "b",
                                "text": "Đường link do người xưng là công an gửi qua Zalo",
                                "correct": False,
                                "feedback": "Sai. Đây là cách kẻ gian dụ người dân cài ứng dụng giả.",
                            },
                            {
                                "key": "c",
                                "text": "Tệp cài đặt do người quen gửi qua tin nhắn",
                                "correct": False,
                                "feedback": "Sai. Không cài ứng dụng từ tệp hay link được gửi đến, dù ai gửi.",
                            },
                        ],
                        "explanation": "Chỉ tải VNeID từ App Store hoặc CH Play, tìm bằng chữ VNeID.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": (
                            'Một người gọi điện xưng là công an phường, gửi link để bạn cài "VNeID bản mới". '
                            "Bạn nên cài theo link đó."
                        ),
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không nên. Công an không gửi link cài ứng dụng qua điện thoại.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Đây là chiêu lừa cài ứng dụng giả để lấy tiền.",
                            },
                        ],
                        "explanation": "Chỉ có một ứng dụng VNeID, và bạn chỉ tải nó từ kho ứng dụng chính thức.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "multiple",
                        "prompt": "Bạn lỡ cài một ứng dụng lạ từ đường link. Bạn nên làm gì? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Gọi ngay cho ngân hàng để khóa tài khoản",
                                "correct": True,
                                "feedback": "Đúng. Khóa tài khoản sớm giúp giữ tiền của bạn.",
                            },
                            {
                                "key": "b",
                                "text": "Tắt nguồn điện thoại",
                                "correct": True,
                                "feedback": "Đúng. Tắt máy để ứng dụng giả ngừng hoạt động.",
                            },
                            {
                                "key": "c",
                                "text": "Báo cho công an",
                                "correct": True,
                                "feedback": "Đúng. Hãy báo công an sau khi đã khóa tài khoản.",
                            },
                            {
                                "key": "d",
                                "text": "Gọi lại người vừa gửi link để nhờ sửa lỗi",
                                "correct": False,
                                "feedback": "Sai. Người đó chính là kẻ gian, họ sẽ lừa bạn thêm.",
                            },
                        ],
                        "explanation": "Khóa tài khoản ngân hàng, tắt điện thoại, rồi báo công an.",
                    },
                ),
            ],
        },
        {
            "key": "dang-ky-muc-1",
            "title": "Tự đăng ký tài khoản mức 1 trên ứng dụng",
            "intro": (
                "Tài khoản mức 1 bạn có thể tự đăng ký ngay trên điện thoại. Hãy để sẵn thẻ căn cước gắn chip bên cạnh."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Đề án 06 tỉnh Hà Nam, hướng dẫn đăng ký mức 1",
                    "date": "",
                    "url": "https://dean06.hanam.gov.vn/tailieu/dk_t3.html",
                },
                {
                    "name": "UBND xã Đông Thọ (Bắc Ninh)",
                    "date": "29/03/2023",
                    "url": "https://www.bacninh.gov.vn/web/ubnd-xa-dong-tho/news/-/details/20780420/huong-dan-su-dung-app-vneid-tren-ien-thoai-44665886",
                },
                {
                    "name": "Nghệ An 24h",
                    "date": "07/2023",
                    "url": "https://nghean24h.vn/can-biet-huong-dan-dang-ky-va-kich-hoat-tai-khoan-dinh-danh-dien-tu-vneid-a701640.html",
                },
                {
                    "name": "VnFinance (Nghị định 69/2024/NĐ-CP)",
                    "date": "2024",
                    "url": "https://vnfinance.vn/trinh-tu-thu-tuc-cap-tai-khoan-dinh-danh-dien-tu-62933.html",
                },
            ],
            "body": [
                (
                    "text",
                    "Bạn cần: thẻ căn cước công dân gắn chip hoặc thẻ căn cước còn hạn, "
                    "và số điện thoại di động đứng tên chính bạn. "
                    "Màn hình ứng dụng có thể hơi khác tùy phiên bản.",
                ),
                (
                    "step",
                    {
                        "title": "Tạo tài khoản ứng dụng",
                        "text": (
                            "Mở VNeID, chạm «Đăng ký». Nhập số điện thoại và số CCCD, chạm «Đăng ký». "
                            "Nhập mã xác thực (OTP) được gửi qua tin nhắn."
                        ),
                        "card": "Chạm «Đăng ký», nhập số điện thoại",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Bắt đầu đăng ký mức 1",
                        "text": (
                            "Đăng nhập ứng dụng. Ở màn hình chính, chọn «Đăng ký tài khoản mức 1». "
                            "Chạm «Bắt đầu», rồi chạm «Tôi đã hiểu»."
                        ),
                        "card": "Chọn «Đăng ký tài khoản mức 1»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Quét thẻ căn cước",
                        "text": (
                            "Đặt thẻ sát vào điện thoại và giữ yên đến khi quét NFC xong. "
                            "Nếu máy không có NFC, ứng dụng sẽ chuyển sang quét mã QR trên thẻ."
                        ),
                        "card": "Giữ thẻ sát điện thoại để quét",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Kiểm tra thông tin và chụp ảnh",
                        "text": (
                            "Xem lại thông tin hiện ra, chạm «Tiếp tục». "
                            "Chụp ảnh chân dung. Nếu ảnh mờ hoặc lệch, chạm «Chụp lại»."
                        ),
                        "card": "Chụp ảnh chân dung rõ nét",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Gửi đăng ký",
                        "text": ("Kiểm tra lại lần cuối. Email không bắt buộc. Chạm «Xác nhận thông tin đăng ký»."),
                        "card": "Chạm «Xác nhận thông tin đăng ký»",
                    },
                ),
                (
                    "text",
                    "Kết quả sẽ được báo qua ứng dụng, tin nhắn SMS hoặc email. "
                    "Khi hồ sơ được duyệt, bạn kích hoạt tài khoản (xem bài cuối).",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Tin nhắn báo duyệt hồ sơ",
                        "text": (
                            "Tin nhắn thật do Cục Cảnh sát QLHC về TTXH gửi. "
                            "Tin nhắn chỉ nhắc bạn tự mở ứng dụng VNeID hoặc trang vneid.gov.vn để kích hoạt. "
                            "Hãy tự mở ứng dụng, đừng bấm link lạ."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Điện thoại của bạn không có NFC. Khi quét thẻ, chuyện gì xảy ra?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Ứng dụng chuyển sang quét mã QR trên thẻ",
                                "correct": True,
                                "feedback": "Đúng. Máy không có NFC thì quét mã QR trên thẻ.",
                            },
                            {
                                "key": "b",
                                "text": "Không thể đăng ký được, phải mua máy mới",
                                "correct": False,
                                "feedback": "Sai. Bạn vẫn đăng ký được bằng cách quét mã QR.",
                            },
                            {
                                "key": "c",
                                "text": "Phải gửi ảnh thẻ cho người khác làm hộ",
                                "correct": False,
                                "feedback": "Sai. Không gửi ảnh thẻ căn cước cho người lạ.",
                            },
                        ],
                        "explanation": "Ứng dụng tự chuyển sang quét mã QR khi máy không có NFC.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": "Khi đăng ký mức 1, bạn bắt buộc phải nhập email.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Chưa đúng. Email không bắt buộc.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Email không bắt buộc, có thì nhập, không có thì bỏ qua.",
                            },
                        ],
                        "explanation": "Số điện thoại chính chủ là cần thiết, còn email thì không bắt buộc.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "multiple",
                        "prompt": "Bạn cần chuẩn bị gì để tự đăng ký mức 1? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Thẻ căn cước gắn chip còn hạn",
                                "correct": True,
                                "feedback": "Đúng. Ứng dụng cần quét thẻ của bạn.",
                            },
                            {
                                "key": "b",
                                "text": "Số điện thoại di động đứng tên chính bạn",
                                "correct": True,
                                "feedback": "Đúng. Số điện thoại phải là số chính chủ.",
                            },
                            {
                                "key": "c",
                                "text": "Giấy chứng minh nhân dân (CMND) cũ",
                                "correct": False,
                                "feedback": "Sai. CMND chỉ còn giá trị đến hết 31/12/2024.",
                            },
                            {
                                "key": "d",
                                "text": "Mã OTP của một người thân",
                                "correct": False,
                                "feedback": "Sai. Mã OTP gửi về chính điện thoại của bạn.",
                            },
                        ],
                        "explanation": "Cần thẻ căn cước gắn chip và số điện thoại chính chủ.",
                    },
                ),
            ],
        },
        {
            "key": "muc-2",
            "title": "Đăng ký mức 2 tại Công an cấp xã",
            "intro": (
                "Tài khoản mức 2 dùng được mọi tính năng của VNeID. Để có mức 2, bạn phải tự đến Công an xã, phường."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "UBND xã Hòa Thành (Phú Yên)",
                    "date": "04/2024",
                    "url": "http://hoathanh.donghoa.phuyen.gov.vn/tin-tuc-su-kien/phap-luat-doi-song/thu-tuc-dang-ky-tai-khoan-dinh-danh-dien-tu-muc-do-2-voi-cong-dan-viet-nam-cac-cap.html",
                },
                {
                    "name": "UBND xã Hoằng Cát (Thanh Hóa)",
                    "date": "",
                    "url": "https://hoangcat.hoanghoa.thanhhoa.gov.vn/web/trang-chu/tin-tuc-su-kien/chuyen-doi-so/tai-khoan-dinh-danh-dien-tu-muc-2-la-gi-va-cach-dang-ky.html",
                },
                {
                    "name": "VietJack, Có tài khoản định danh điện tử mức 3 không",
                    "date": "2025",
                    "url": "https://vietjack.me/tin-phap-luat/co-tai-khoan-dinh-danh-dien-tu-muc-3-khong-moi-nhat-2025-3825",
                },
                {
                    "name": "SGGP (Công an TP.HCM)",
                    "date": "09/2023",
                    "url": "https://www.sggp.org.vn/canh-giac-voi-nguoi-la-goi-dien-kich-hoat-dum-dinh-danh-dien-tu-muc-2-post705431.html",
                },
                {
                    "name": "Dân trí (Công an Đà Nẵng)",
                    "date": "18/07/2025",
                    "url": "https://dantri.com.vn/phap-luat/cong-an-rom-yeu-cau-cap-nhat-vneid-nguoi-phu-nu-mat-gan-130-trieu-dong-20250718223608817.htm",
                },
                {
                    "name": "Báo Nghệ An (Bộ Công an cảnh báo)",
                    "date": "07/2025",
                    "url": "https://baonghean.vn/bo-cong-an-canh-bao-nguoi-dan-khong-tu-cap-nhat-vneid-khong-cung-cap-thong-tin-qua-dien-thoai-hay-duong-link-la-10301670.html",
                },
            ],
            "body": [
                (
                    "text",
                    "VNeID chỉ có hai mức: mức 1 và mức 2. Không có mức 3. "
                    "Mức 1 dùng được một số tính năng. "
                    "Mức 2 cho bạn dùng căn cước điện tử, các giấy tờ đã tích hợp và tất cả tính năng. "
                    "Thông tin của tài khoản mức 2 đã được đối chiếu bằng ảnh chân dung hoặc vân tay.",
                ),
                (
                    "step",
                    {
                        "title": "Đến Công an cấp xã",
                        "text": ("Tự mình đến Công an xã, phường hoặc đặc khu, hoặc nơi làm thẻ căn cước."),
                        "card": "Đến Công an xã, phường",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đưa thẻ căn cước gắn chip",
                        "text": (
                            "Đưa thẻ CCCD gắn chip hoặc thẻ căn cước cho cán bộ. "
                            "Cho biết số điện thoại hoặc email của bạn."
                        ),
                        "card": "Mang thẻ căn cước gắn chip",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Xin tích hợp giấy tờ nếu muốn",
                        "text": (
                            "Nếu muốn đưa giấy tờ khác vào VNeID, như giấy phép lái xe hay thẻ BHYT, "
                            "hãy nói với cán bộ. Mang theo bản gốc để đối chiếu."
                        ),
                        "card": "Mang bản gốc giấy tờ cần tích hợp",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chụp ảnh, lấy vân tay, ký phiếu",
                        "text": ("Cán bộ chụp ảnh và lấy vân tay của bạn để xác thực. Bạn ký vào phiếu đăng ký."),
                        "card": "Chụp ảnh và lấy vân tay",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chờ thông báo rồi kích hoạt",
                        "text": (
                            "Kết quả được báo qua ứng dụng VNeID, tin nhắn SMS hoặc email. "
                            "Sau đó bạn kích hoạt tài khoản như ở bài sau."
                        ),
                        "card": "Chờ thông báo kết quả",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Chưa có thẻ gắn chip?",
                        "text": (
                            "Nếu chưa có thẻ gắn chip, tài khoản mức 2 được đăng ký cùng lúc khi bạn làm thẻ căn cước."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Công an không làm mức 2 qua điện thoại",
                        "text": (
                            "Vì phải chụp ảnh và lấy vân tay, mức 2 phải do chính bạn đến làm, không ai làm thay được. "
                            "Công an không hướng dẫn kích hoạt qua điện thoại. "
                            'Ai gọi điện đòi "nâng mức 2 tại nhà", "đồng bộ" hay '
                            '"cập nhật địa chỉ theo địa giới mới" là kẻ lừa đảo. '
                            "Sau khi sáp nhập địa phương, hệ thống tự cập nhật địa chỉ, quê quán; "
                            "bạn không phải tự làm gì."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Bạn đăng ký tài khoản VNeID mức 2 ở đâu?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Tự đến Công an xã, phường, đặc khu hoặc nơi làm thẻ căn cước",
                                "correct": True,
                                "feedback": "Đúng. Mức 2 cần chụp ảnh, lấy vân tay nên phải đến trực tiếp.",
                            },
                            {
                                "key": "b",
                                "text": "Làm theo cuộc gọi của người xưng là công an",
                                "correct": False,
                                "feedback": "Sai. Công an không hướng dẫn kích hoạt qua điện thoại.",
                            },
                            {
                                "key": "c",
                                "text": "Nhờ con cháu mang thẻ đi làm hộ",
                                "correct": False,
                                "feedback": "Sai. Phải lấy vân tay của chính bạn nên không ai làm thay được.",
                            },
                        ],
                        "explanation": "Mức 2 làm trực tiếp tại Công an cấp xã hoặc nơi làm thẻ căn cước.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": "VNeID có tài khoản mức 3 dành cho người dân.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Chưa đúng. VNeID chỉ có mức 1 và mức 2.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": 'Chính xác. Không có mức 3; ai mời "nâng mức 3" là nói sai.',
                            },
                        ],
                        "explanation": "Chỉ có hai mức. Mức 2 là mức đầy đủ nhất.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "multiple",
                        "prompt": (
                            'Một người gọi điện xưng là công an, bảo bạn phải "cập nhật địa chỉ theo địa giới mới" '
                            "trên VNeID và nộp một ít phí. Ý nào đúng? (Chọn tất cả ý đúng)"
                        ),
                        "options": [
                            {
                                "key": "a",
                                "text": "Đây là dấu hiệu lừa đảo",
                                "correct": True,
                                "feedback": "Đúng. Đây là chiêu lừa phổ biến sau khi sáp nhập địa phương.",
                            },
                            {
                                "key": "b",
                                "text": "Hệ thống tự cập nhật, bạn không phải tự làm gì",
                                "correct": True,
                                "feedback": "Đúng. Bộ Công an cho biết việc cập nhật là tự động.",
                            },
                            {
                                "key": "c",
                                "text": "Nếu thật sự cần, bạn tự đến Công an xã, phường để hỏi",
                                "correct": True,
                                "feedback": "Đúng. Hãy đến trực tiếp, không làm theo điện thoại.",
                            },
                            {
                                "key": "d",
                                "text": "Phí nhỏ nên cứ chuyển cho nhanh",
                                "correct": False,
                                "feedback": "Sai. Phí nhỏ là mồi nhử; một người ở Đà Nẵng đã mất gần 130 triệu.",
                            },
                        ],
                        "explanation": "Không làm theo điện thoại. Cần gì thì tự đến Công an xã, phường.",
                    },
                ),
            ],
        },
        {
            "key": "kich-hoat",
            "title": "Kích hoạt tài khoản, mật khẩu và passcode",
            "intro": (
                "Khi hồ sơ được duyệt, bạn kích hoạt tài khoản rồi mới dùng được. "
                "Bài này cũng giúp bạn phân biệt mật khẩu và passcode."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Đề án 06 tỉnh Hà Nam, hướng dẫn kích hoạt tài khoản",
                    "date": "",
                    "url": "https://dean06.hanam.gov.vn/tailieu/dk_t5.html",
                },
                {
                    "name": "UBND xã Ea Phê (Đắk Lắk)",
                    "date": "03/01/2024",
                    "url": "http://eaphe.krongpac.daklak.gov.vn/huong-dan-kich-hoat-tai-khoan-dinh-danh-dien-tu-muc-do-2-tren-ung-dung-vneid-5142.html",
                },
                {
                    "name": "Sổ tay VNeID (Thị đoàn Chơn Thành)",
                    "date": "",
                    "url": "https://fliphtml5.com/udcbo/hony/S%E1%BB%95_tay_VNeiD_%28Thi%CC%A3_%C4%91oa%CC%80n_Ch%C6%A1n_Tha%CC%80nh%29/18",
                },
                {
                    "name": "Đời sống Pháp luật",
                    "date": "24/04/2024",
                    "url": "http://m.doisongphapluat.nguoiduatin.vn/cach-lay-lai-mat-khau-vneid-don-gian-a416451.html",
                },
                {
                    "name": "UBND xã Yên Xuân (Nghệ An)",
                    "date": "",
                    "url": "https://yenxuan.nghean.gov.vn/dich-vu-cong/huong-dan-nop-ho-so-truc-tuyen-933225?pageindex=0",
                },
                {
                    "name": "Bộ Công an, qua PLO",
                    "date": "",
                    "url": "https://plo.vn/an-ninh-trat-tu/gia-dich-vu-chuyen-tien-western-union-de-lua-dao-922371.html",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Chọn kích hoạt",
                        "text": (
                            "Mở VNeID. Chạm «Kích hoạt tài khoản định danh điện tử», "
                            "hoặc «Kích hoạt» ở màn hình đăng nhập."
                        ),
                        "card": "Chạm «Kích hoạt»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Nhập số định danh và số điện thoại",
                        "text": (
                            "Nhập số định danh cá nhân (12 số in trên thẻ căn cước) và số điện thoại đã đăng ký. "
                            "Chạm «Gửi yêu cầu», rồi nhập mã OTP gửi qua tin nhắn."
                        ),
                        "card": "Nhập 12 số định danh cá nhân",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đặt mật khẩu và passcode",
                        "text": ("Nếu ứng dụng yêu cầu, bạn đặt mật khẩu. Sau đó đặt passcode gồm 6 chữ số."),
                        "card": "Đặt passcode 6 chữ số",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chọn 2 câu hỏi bảo mật",
                        "text": "Chọn 2 câu hỏi bảo mật trong danh sách và trả lời. Chọn câu trả lời bạn dễ nhớ.",
                        "card": "Chọn 2 câu hỏi bảo mật",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đăng nhập lại",
                        "text": (
                            "Đăng nhập bằng số định danh cá nhân và mật khẩu vừa đặt. "
                            "Ứng dụng sẽ cho biết tài khoản của bạn ở mức nào."
                        ),
                        "card": "Đăng nhập và xem mức tài khoản",
                    },
                ),
                (
                    "text",
                    "Mật khẩu dùng để đăng nhập. Mật khẩu dài 8 đến 20 ký tự, có chữ số, chữ hoa, "
                    "chữ thường và ít nhất một ký tự đặc biệt. "
                    "Passcode chỉ gồm 6 chữ số, dùng khi mở các tiện ích bên trong ứng dụng, như ví giấy tờ "
                    "hay thủ tục. Ở một số bước, bạn có thể dùng vân tay hoặc Face ID thay cho passcode.",
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Quên passcode",
                        "text": (
                            "Mở một dịch vụ bất kỳ trong ứng dụng, chạm «Quên passcode». "
                            "Nhập mã OTP gửi về số điện thoại đã đăng ký, rồi đặt passcode mới."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Giữ kín mật khẩu, passcode và OTP",
                        "text": (
                            "Bộ Công an khuyên tuyệt đối không đưa mã OTP cho người khác. "
                            "Cũng đừng nói mật khẩu hay passcode cho ai, "
                            "kể cả người xưng là công an hay nhân viên ngân hàng."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Passcode của VNeID gồm những gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "6 chữ số",
                                "correct": True,
                                "feedback": "Đúng. Passcode là 6 chữ số, đặt khi kích hoạt.",
                            },
                            {
                                "key": "b",
                                "text": "8 đến 20 ký tự, có chữ hoa và ký tự đặc biệt",
                                "correct": False,
                                "feedback": "Sai. Đó là quy định cho mật khẩu đăng nhập.",
                            },
                            {
                                "key": "c",
                                "text": "Mã OTP nhận qua tin nhắn",
                                "correct": False,
                                "feedback": "Sai. OTP là mã dùng một lần, khác với passcode.",
                            },
                        ],
                        "explanation": "Mật khẩu để đăng nhập; passcode 6 chữ số để mở tiện ích trong ứng dụng.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Điều nào đúng về mật khẩu VNeID? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Dùng để đăng nhập ứng dụng",
                                "correct": True,
                                "feedback": "Đúng. Bạn đăng nhập bằng số định danh cá nhân và mật khẩu.",
                            },
                            {
                                "key": "b",
                                "text": "Dài 8 đến 20 ký tự",
                                "correct": True,
                                "feedback": "Đúng.",
                            },
                            {
                                "key": "c",
                                "text": "Có chữ số, chữ hoa, chữ thường và ký tự đặc biệt",
                                "correct": True,
                                "feedback": "Đúng. Cần đủ các loại ký tự này.",
                            },
                            {
                                "key": "d",
                                "text": "Có thể đọc cho cán bộ công an qua điện thoại",
                                "correct": False,
                                "feedback": "Sai. Không đưa mật khẩu cho ai, kể cả người xưng là công an.",
                            },
                        ],
                        "explanation": "Mật khẩu dùng để đăng nhập, phải đủ mạnh và giữ kín.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": "Quên passcode thì bắt buộc phải ra Công an xã để làm lại.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Chưa đúng. Bạn tự đặt lại được ngay trong ứng dụng.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Chạm «Quên passcode», nhập OTP rồi đặt passcode mới.",
                            },
                        ],
                        "explanation": "Chạm «Quên passcode» và nhập mã OTP để đặt lại passcode.",
                    },
                ),
            ],
        },
    ],
}
