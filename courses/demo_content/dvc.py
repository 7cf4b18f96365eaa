"""Nộp hồ sơ trên Cổng Dịch vụ công quốc gia: demo course content. Sources are named per lesson."""

COURSE = {
    "key": "dvc",
    "title": "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia",
    "summary": (
        "Làm quen với Cổng Dịch vụ công quốc gia, đăng nhập bằng VNeID, "
        "tìm đúng thủ tục, nộp hồ sơ và theo dõi đến khi nhận kết quả."
    ),
    "audience": "Dành cho: người dân đã có tài khoản VNeID mức 2 và muốn tự làm thủ tục hành chính qua mạng.",
    "estimated_minutes": 12,
    "skills": ["dvc"],
    "cover": {"label": "Dịch vụ công", "color": "#0f766e"},
    "lessons": [
        {
            "key": "gioi-thieu",
            "title": "Cổng Dịch vụ công quốc gia là gì",
            "intro": (
                "Cổng Dịch vụ công quốc gia là nơi nộp hồ sơ thủ tục hành chính qua mạng. "
                "Địa chỉ của cổng là dichvucong.gov.vn."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Điện tử ứng dụng (Cục Kiểm soát TTHC, Văn phòng Chính phủ)",
                    "date": "04/06/2025",
                    "url": "https://dientuungdung.vn/viet-nam-trien-khai-mo-hinh-mot-cong-dich-vu-cong-toan-quoc-tu-17-9585.html",
                },
                {
                    "name": "Một cửa Tiền Giang, hỏi đáp về dịch vụ công trực tuyến",
                    "date": "02/06/2023",
                    "url": "https://motcua.tiengiang.gov.vn/trang-chu/hoi-dap/chi-tiet-cau-hoi?ma-cau-hoi=30925",
                },
                {
                    "name": "CafeF, 25 dịch vụ công thiết yếu",
                    "date": "02/10/2025",
                    "url": "https://cafef.vn/tu-ngay-1-10-chinh-thuc-khong-nhan-ho-so-giay-25-dich-vu-cong-thiet-yeu-nay-bat-buoc-phai-lam-truc-tuyen-188251002071959531.chn",
                },
                {
                    "name": "Lao Động",
                    "date": "2025",
                    "url": "https://news.laodong.vn/thoi-su/trung-tam-hanh-chinh-cong-khong-thu-ho-so-giay-25-dich-vu-cong-1575446.ldo",
                },
                {
                    "name": "CafeF, cảnh báo cổng dịch vụ công giả",
                    "date": "10/08/2025",
                    "url": "https://cafef.vn/nghe-dien-thoai-co-noi-dung-nay-hay-tat-may-ngay-lap-tuc-18825081006551938.chn",
                },
            ],
            "body": [
                (
                    "text",
                    "Từ ngày 1/7/2025, dichvucong.gov.vn là cổng duy nhất để làm thủ tục hành chính "
                    "trực tuyến trên cả nước. Bạn nộp hồ sơ ở đây. "
                    "Hệ thống tự chuyển hồ sơ đến Trung tâm Phục vụ hành chính công có thẩm quyền.",
                ),
                (
                    "text",
                    "Có hai loại dịch vụ. Với dịch vụ công trực tuyến toàn trình, mọi việc từ nộp đến "
                    "giải quyết đều làm trên mạng; kết quả trả qua mạng hoặc qua bưu chính công ích. "
                    "Với dịch vụ công trực tuyến một phần, vẫn có việc phải làm trực tiếp, "
                    "ví dụ bạn phải có mặt hoặc cán bộ phải kiểm tra tại chỗ.",
                ),
                (
                    "text",
                    "Từ 1/10/2025, Trung tâm Phục vụ hành chính công không nhận hồ sơ giấy cho 25 dịch vụ "
                    "công thiết yếu, ví dụ đăng ký thường trú, tạm trú, cấp lại hoặc đổi thẻ căn cước, "
                    "đổi giấy phép lái xe, lý lịch tư pháp. Tại trung tâm vẫn có người giúp bạn nộp qua mạng.",
                ),
                (
                    "step",
                    {
                        "title": "Chuẩn bị tài khoản VNeID mức 2",
                        "text": (
                            "Để nộp hồ sơ, bạn cần tài khoản VNeID mức 2. "
                            'Nếu chưa có, hãy học khóa "Cài đặt và kích hoạt VNeID" trước.'
                        ),
                        "card": "Cần tài khoản VNeID mức 2",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tự gõ địa chỉ cổng",
                        "text": (
                            "Mở trình duyệt trên điện thoại hoặc máy tính. Tự gõ dichvucong.gov.vn vào thanh địa chỉ."
                        ),
                        "card": "Gõ dichvucong.gov.vn",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Kiểm tra lại địa chỉ",
                        "text": (
                            "Nhìn kỹ địa chỉ trên thanh trình duyệt. "
                            "Phải đúng là dichvucong.gov.vn, không thừa, không thiếu chữ nào."
                        ),
                        "card": "Địa chỉ phải đúng từng chữ",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Cổng giả và cuộc gọi giả",
                        "text": (
                            "Kẻ gian làm trang web và ứng dụng giả Cổng Dịch vụ công, với địa chỉ gần giống hệt thật. "
                            "Đừng tìm trên Google rồi bấm vào kết quả lạ. "
                            'Ai gọi điện giục bạn phải "khai báo thông tin qua Cổng dịch vụ công" gấp, hãy tắt máy.'
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Từ 1/7/2025, bạn làm thủ tục hành chính trực tuyến ở đâu?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Trên cổng dichvucong.gov.vn",
                                "correct": True,
                                "feedback": "Đúng. Đây là cổng duy nhất trên cả nước.",
                            },
                            {
                                "key": "b",
                                "text": "Trên trang có tên gần giống do người lạ nhắn đến",
                                "correct": False,
                                "feedback": "Sai. Kẻ gian làm trang giả có địa chỉ gần giống trang thật.",
                            },
                            {
                                "key": "c",
                                "text": "Trên kết quả đầu tiên khi tìm Google",
                                "correct": False,
                                "feedback": "Sai. Kết quả tìm kiếm có thể là trang giả. Hãy tự gõ địa chỉ.",
                            },
                        ],
                        "explanation": "Luôn tự gõ dichvucong.gov.vn và kiểm tra kỹ địa chỉ.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "single",
                        "prompt": 'Dịch vụ công trực tuyến "toàn trình" nghĩa là gì?',
                        "options": [
                            {
                                "key": "a",
                                "text": "Mọi việc từ nộp đến giải quyết đều làm trên mạng",
                                "correct": True,
                                "feedback": "Đúng. Kết quả trả qua mạng hoặc qua bưu chính công ích.",
                            },
                            {
                                "key": "b",
                                "text": "Nộp trên mạng nhưng luôn phải lên trụ sở để làm tiếp",
                                "correct": False,
                                "feedback": "Sai. Đó gần với dịch vụ một phần.",
                            },
                            {
                                "key": "c",
                                "text": "Chỉ xem thông tin, không nộp được hồ sơ",
                                "correct": False,
                                "feedback": "Sai. Dịch vụ toàn trình cho phép nộp và nhận kết quả qua mạng.",
                            },
                        ],
                        "explanation": "Toàn trình: làm hết trên mạng. Một phần: vẫn có bước phải làm trực tiếp.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": (
                            'Một người gọi điện giục bạn "khai báo thông tin qua Cổng dịch vụ công" ngay '
                            "và gửi link cho bạn. Bạn nên làm theo."
                        ),
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không nên. Đây là chiêu lừa dẫn bạn vào trang hoặc ứng dụng giả.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Hãy tắt máy và tự gõ địa chỉ cổng nếu cần.",
                            },
                        ],
                        "explanation": "Không làm theo cuộc gọi giục giã. Chỉ vào đúng dichvucong.gov.vn do bạn tự gõ.",
                    },
                ),
            ],
        },
        {
            "key": "dang-nhap",
            "title": "Đăng nhập bằng tài khoản VNeID",
            "intro": (
                "Người dân đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID. "
                "Cách dễ nhất là quét mã QR bằng ứng dụng VNeID."
            ),
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Sở VHTTDL Đồng Nai, hướng dẫn đăng nhập bằng mã QR",
                    "date": "",
                    "url": "https://svhttdl.dongnai.gov.vn/Pages/newsdetail.aspx?NewsId=2797&CatId=95",
                },
                {
                    "name": "Thanh tra tỉnh Quảng Nam",
                    "date": "",
                    "url": "http://thanhtraqnam.gov.vn/webcenter/portal/thanhtra/pages_tin-tuc-su-kien/chi-tiet-tin?dDocName=PORTAL570365",
                },
                {
                    "name": "UBND phường Nam Hồng Lĩnh (Hà Tĩnh)",
                    "date": "2025",
                    "url": "https://namhonglinh.hatinh.gov.vn/tin-tuc/thong-bao-tu-ngay-1102025-25-dich-vu-cong-thiet-yeu-dung-tiep-nhan-ho-so-giay",
                },
                {
                    "name": "vietnam.vn, hướng dẫn đăng nhập bằng tài khoản VNeID",
                    "date": "",
                    "url": "https://www.vietnam.vn/ru/huong-dan-cach-dang-nhap-cong-dich-vu-cong-quoc-gia-bang-tai-khoan-vneid",
                },
                {
                    "name": "Bộ Công an, qua PLO",
                    "date": "",
                    "url": "https://plo.vn/an-ninh-trat-tu/gia-dich-vu-chuyen-tien-western-union-de-lua-dao-922371.html",
                },
            ],
            "body": [
                (
                    "text",
                    "Từ 1/7/2024, tài khoản VNeID là tài khoản duy nhất người dân dùng để làm thủ tục "
                    "trực tuyến. Hướng dẫn cũ về đăng ký tài khoản riêng bằng số điện thoại nay không "
                    "còn dùng cho người dân. Để nộp hồ sơ, bạn cần tài khoản VNeID mức 2.",
                ),
                (
                    "step",
                    {
                        "title": "Chạm «Đăng nhập»",
                        "text": "Vào dichvucong.gov.vn. Chạm «Đăng nhập».",
                        "card": "Chạm «Đăng nhập»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chọn tài khoản VNeID",
                        "text": ("Chọn «Tài khoản Định danh điện tử cấp bởi Bộ Công an». Màn hình sẽ hiện một mã QR."),
                        "card": "Chọn tài khoản Định danh điện tử",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Mở VNeID trên điện thoại",
                        "text": (
                            "Đăng nhập ứng dụng VNeID bằng tài khoản mức 2. "
                            "Ở màn hình chính, chạm vào biểu tượng quét mã QR."
                        ),
                        "card": "Chạm biểu tượng quét QR",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Quét mã QR trên cổng",
                        "text": (
                            "Hướng camera vào mã QR trên trang. "
                            "Nếu ứng dụng báo chưa cho phép truy cập trang web, hãy chọn cho phép."
                        ),
                        "card": "Quét mã QR trên màn hình",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Cách đăng nhập khác",
                        "text": (
                            "Nếu không tiện quét mã QR, bạn có thể chọn đăng nhập bằng VNeID, "
                            "nhập số định danh cá nhân (số CCCD) và mật khẩu VNeID, chạm «Đăng nhập». "
                            "Sau đó nhập mã OTP gửi về số điện thoại đã đăng ký VNeID."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Mã OTP chỉ để bạn tự nhập",
                        "text": (
                            "Bộ Công an khuyên tuyệt đối không đưa mã OTP cho người khác. "
                            "Không đọc mã OTP hay mật khẩu cho ai, kể cả người xưng là cán bộ hỗ trợ."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Để nộp hồ sơ trên Cổng Dịch vụ công, bạn đăng nhập bằng tài khoản nào?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Tài khoản VNeID mức 2",
                                "correct": True,
                                "feedback": "Đúng. VNeID là tài khoản duy nhất, và cần mức 2 để nộp hồ sơ.",
                            },
                            {
                                "key": "b",
                                "text": "Tài khoản VNeID mức 1 là đủ cho mọi việc",
                                "correct": False,
                                "feedback": "Sai. Đây là lỗi hay gặp; các hướng dẫn yêu cầu mức 2 để nộp hồ sơ.",
                            },
                            {
                                "key": "c",
                                "text": "Tài khoản riêng đăng ký bằng số điện thoại",
                                "correct": False,
                                "feedback": "Sai. Cách này là hướng dẫn cũ, nay không còn dùng cho người dân.",
                            },
                        ],
                        "explanation": "Từ 1/7/2024 người dân dùng tài khoản VNeID; nộp hồ sơ cần mức 2.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Khi đăng nhập bằng mã QR, bạn làm những việc nào? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Chọn «Tài khoản Định danh điện tử cấp bởi Bộ Công an»",
                                "correct": True,
                                "feedback": "Đúng. Sau bước này, trang hiện mã QR.",
                            },
                            {
                                "key": "b",
                                "text": "Mở ứng dụng VNeID và chạm biểu tượng quét mã QR",
                                "correct": True,
                                "feedback": "Đúng. Biểu tượng nằm ở màn hình chính của VNeID.",
                            },
                            {
                                "key": "c",
                                "text": "Đọc mã OTP cho người gọi điện xưng là cán bộ hỗ trợ",
                                "correct": False,
                                "feedback": "Sai. Đăng nhập bằng mã QR không cần ai khác, và không đưa OTP cho ai.",
                            },
                            {
                                "key": "d",
                                "text": "Cài thêm một ứng dụng quét mã theo đường link được gửi đến",
                                "correct": False,
                                "feedback": "Sai. Bạn quét bằng chính ứng dụng VNeID, không cài gì theo link.",
                            },
                        ],
                        "explanation": "Chọn đăng nhập bằng tài khoản định danh điện tử, rồi quét mã bằng VNeID.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": "Bạn có thể đọc mã OTP cho người gọi điện xưng là cán bộ hỗ trợ.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không được. Mã OTP chỉ để bạn tự nhập.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Không đưa mã OTP cho bất kỳ ai.",
                            },
                        ],
                        "explanation": "Ai có mã OTP của bạn có thể vào tài khoản của bạn.",
                    },
                ),
            ],
        },
        {
            "key": "nop-ho-so",
            "title": "Tìm thủ tục và nộp hồ sơ",
            "intro": "Sau khi đăng nhập, bạn tìm đúng thủ tục, đọc kỹ yêu cầu, rồi mới điền và nộp.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "UBND phường Nam Hồng Lĩnh (Hà Tĩnh)",
                    "date": "2025",
                    "url": "https://namhonglinh.hatinh.gov.vn/tin-tuc/thong-bao-tu-ngay-1102025-25-dich-vu-cong-thiet-yeu-dung-tiep-nhan-ho-so-giay",
                },
                {
                    "name": "Cổng Dịch vụ công Lâm Đồng, hướng dẫn sử dụng",
                    "date": "01/01/2022",
                    "url": "https://dichvucong.lamdong.gov.vn/lamdong/huongdan",
                },
                {
                    "name": "Đề án 06 tỉnh Hà Nam, hồ sơ liên thông khai sinh",
                    "date": "",
                    "url": "https://dean06.hanam.gov.vn/tailieu/khaisinh.html",
                },
                {
                    "name": "Công an nhân dân (CAND)",
                    "date": "15/06/2024",
                    "url": "https://amp.cand.com.vn/su-kien-binh-luan-thoi-su/huong-dan-dang-ky-khai-sinh-dang-ky-thuong-tru-cap-the-bhyt-online-cho-tre-duoi-6-tuoi-i734441",
                },
                {
                    "name": "Thanh Niên",
                    "date": "09/09/2025",
                    "url": "https://thanhnien.vn/dang-ky-thuong-tru-cho-tre-moi-sinh-nhu-the-nao-185250909092838193.htm",
                },
            ],
            "body": [
                (
                    "text",
                    "Trước khi làm, hãy chuẩn bị bản chụp hoặc bản quét rõ nét của các giấy tờ cần nộp.",
                ),
                (
                    "step",
                    {
                        "title": "Tìm thủ tục",
                        "text": (
                            'Gõ tên thủ tục vào ô tìm kiếm, ví dụ "Đăng ký thường trú". '
                            "Chọn đúng thủ tục bạn cần trong danh sách."
                        ),
                        "card": "Gõ tên thủ tục vào ô tìm kiếm",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đọc kỹ yêu cầu",
                        "text": "Đọc điều kiện, phí, lệ phí và danh sách giấy tờ cần có.",
                        "card": "Đọc điều kiện, lệ phí, giấy tờ",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chạm «Nộp trực tuyến»",
                        "text": (
                            "Chạm «Nộp trực tuyến». Có khi trang sẽ chuyển sang hệ thống của bộ, ngành "
                            "hoặc của tỉnh để bạn điền tờ khai."
                        ),
                        "card": "Chạm «Nộp trực tuyến»",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Điền tờ khai, đính kèm giấy tờ",
                        "text": (
                            "Chọn cơ quan thực hiện, rồi điền tờ khai. Đính kèm bản quét giấy tờ. "
                            "Nếu thủ tục có lệ phí, bạn thanh toán theo hướng dẫn trên trang."
                        ),
                        "card": "Điền tờ khai, đính kèm giấy tờ",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Kiểm tra và nộp",
                        "text": "Xem lại mọi thông tin. Chạm «Nộp hồ sơ». Hệ thống sẽ báo đã nhận hồ sơ.",
                        "card": "Chạm «Nộp hồ sơ»",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Làm giấy tờ cho con mới sinh",
                        "text": (
                            "Có dịch vụ liên thông đăng ký khai sinh, đăng ký thường trú và cấp thẻ BHYT "
                            "cho trẻ dưới 6 tuổi. Trên dichvucong.gov.vn hoặc trong VNeID, chọn "
                            "«Dịch vụ công liên thông khai sinh, khai tử». Tổng thời gian không quá "
                            "3 ngày làm việc, hoặc 5 ngày nếu cần xác minh."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Chọn được thủ tục rồi, bạn nên làm gì trước khi điền tờ khai?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Đọc điều kiện, lệ phí và danh sách giấy tờ cần có",
                                "correct": True,
                                "feedback": "Đúng. Biết trước giấy tờ cần có giúp bạn nộp đủ ngay lần đầu.",
                            },
                            {
                                "key": "b",
                                "text": "Chạm «Nộp hồ sơ» ngay cho nhanh",
                                "correct": False,
                                "feedback": "Sai. Bạn chưa điền tờ khai và chưa đính kèm giấy tờ.",
                            },
                            {
                                "key": "c",
                                "text": "Gọi người lạ trên mạng để nhờ nộp hộ",
                                "correct": False,
                                "feedback": "Sai. Không đưa tài khoản và giấy tờ cho người lạ.",
                            },
                        ],
                        "explanation": "Đọc kỹ yêu cầu trước, rồi mới điền và nộp.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Khi điền hồ sơ, bạn làm những việc nào? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Chọn cơ quan thực hiện",
                                "correct": True,
                                "feedback": "Đúng. Đây là nơi sẽ giải quyết hồ sơ của bạn.",
                            },
                            {
                                "key": "b",
                                "text": "Đính kèm bản quét giấy tờ",
                                "correct": True,
                                "feedback": "Đúng. Giấy tờ được nộp dưới dạng bản quét.",
                            },
                            {
                                "key": "c",
                                "text": "Thanh toán lệ phí nếu thủ tục có thu",
                                "correct": True,
                                "feedback": "Đúng. Thanh toán theo hướng dẫn trên trang.",
                            },
                            {
                                "key": "d",
                                "text": "Gửi bản gốc giấy tờ qua Zalo cho người tự xưng là cán bộ",
                                "correct": False,
                                "feedback": "Sai. Giấy tờ được đính kèm ngay trong hồ sơ trên cổng.",
                            },
                        ],
                        "explanation": "Chọn cơ quan, điền tờ khai, đính kèm giấy tờ, nộp lệ phí nếu có.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": (
                            "Sau khi chạm «Nộp trực tuyến», trang có thể chuyển sang hệ thống của bộ, ngành "
                            "hoặc tỉnh để bạn điền tờ khai."
                        ),
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": True,
                                "feedback": "Chính xác. Đây là điều bình thường khi nộp hồ sơ.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": False,
                                "feedback": "Chưa đúng. Có thủ tục được điền trên hệ thống của bộ, ngành hoặc tỉnh.",
                            },
                        ],
                        "explanation": "Cổng có thể chuyển bạn sang hệ thống của bộ, ngành hoặc tỉnh để điền tờ khai.",
                    },
                ),
            ],
        },
        {
            "key": "theo-doi",
            "title": "Theo dõi hồ sơ và nhận kết quả",
            "intro": "Nộp xong chưa phải là hết. Bạn cần giữ mã hồ sơ, theo dõi và nhận kết quả.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Cổng Dịch vụ công Lâm Đồng, hướng dẫn sử dụng",
                    "date": "01/01/2022",
                    "url": "https://dichvucong.lamdong.gov.vn/lamdong/huongdan",
                },
                {
                    "name": "Cổng dịch vụ công Hà Nội, hướng dẫn sử dụng",
                    "date": "",
                    "url": "https://egov.hanoi.gov.vn/huong-dan/su-dung-dvctr",
                },
                {
                    "name": "huongdancongdong.com, tra cứu mã hồ sơ",
                    "date": "",
                    "url": "https://huongdancongdong.com/dich-vu-cong/huong-dan-tra-cuu-ma-ho-so-tren-cong-dich-vu-cong-bo-cong-an-77.html",
                },
                {
                    "name": "Công an nhân dân (CAND)",
                    "date": "15/06/2024",
                    "url": "https://amp.cand.com.vn/su-kien-binh-luan-thoi-su/huong-dan-dang-ky-khai-sinh-dang-ky-thuong-tru-cap-the-bhyt-online-cho-tre-duoi-6-tuoi-i734441",
                },
                {
                    "name": "Một cửa Tiền Giang, hỏi đáp về dịch vụ công trực tuyến",
                    "date": "02/06/2023",
                    "url": "https://motcua.tiengiang.gov.vn/trang-chu/hoi-dap/chi-tiet-cau-hoi?ma-cau-hoi=30925",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Lưu mã hồ sơ",
                        "text": "Nộp xong, bạn nhận được mã hồ sơ. Hãy chép ra giấy hoặc chụp màn hình để giữ.",
                        "card": "Chép lại mã hồ sơ",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tra cứu tình trạng hồ sơ",
                        "text": (
                            "Tra cứu bằng mã hồ sơ, hoặc đăng nhập rồi vào trang tài khoản của bạn. "
                            "Một hướng dẫn ghi: chạm vào tên bạn, chọn «Thông tin cá nhân», "
                            "rồi «Dịch vụ công của tôi». "
                            "Tên các mục có thể khác tùy lúc."
                        ),
                        "card": "Tra cứu bằng mã hồ sơ",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Bổ sung nếu được yêu cầu",
                        "text": "Nếu cơ quan yêu cầu bổ sung hồ sơ, bạn làm ngay trên trang tra cứu đó.",
                        "card": "Bổ sung hồ sơ khi được yêu cầu",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Nhận kết quả",
                        "text": (
                            "Với dịch vụ toàn trình, kết quả trả qua mạng hoặc qua bưu chính công ích. "
                            "Một số kết quả điện tử, như giấy khai sinh điện tử hay giấy phép lái xe mới, "
                            "có thể hiện trong VNeID."
                        ),
                        "card": "Nhận kết quả qua mạng hoặc bưu chính",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Thông báo qua VNeID và tin nhắn",
                        "text": (
                            "Với dịch vụ liên thông như khai sinh cho trẻ, thông báo và lịch hẹn "
                            "còn được gửi qua VNeID và tin nhắn SMS."
                        ),
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Nộp hồ sơ xong, bạn cần giữ lại thông tin gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Mã hồ sơ",
                                "correct": True,
                                "feedback": "Đúng. Bạn dùng mã hồ sơ để tra cứu tình trạng.",
                            },
                            {
                                "key": "b",
                                "text": "Mã OTP vừa nhận",
                                "correct": False,
                                "feedback": "Sai. OTP chỉ dùng một lần, không cần giữ và không đưa ai.",
                            },
                            {
                                "key": "c",
                                "text": "Không cần giữ gì cả",
                                "correct": False,
                                "feedback": "Sai. Không có mã hồ sơ thì khó tra cứu hơn.",
                            },
                        ],
                        "explanation": "Hãy lưu mã hồ sơ ngay khi nộp xong.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": "Với dịch vụ toàn trình, kết quả có thể được gửi qua bưu chính công ích.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": True,
                                "feedback": "Chính xác. Kết quả trả qua mạng hoặc qua bưu chính công ích.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": False,
                                "feedback": "Chưa đúng. Bưu chính công ích là một cách nhận kết quả.",
                            },
                        ],
                        "explanation": "Toàn trình: nhận kết quả qua mạng hoặc qua bưu chính công ích.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "multiple",
                        "prompt": "Bạn có thể theo dõi hồ sơ bằng cách nào? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Tra cứu bằng mã hồ sơ",
                                "correct": True,
                                "feedback": "Đúng.",
                            },
                            {
                                "key": "b",
                                "text": "Đăng nhập và xem trang tài khoản trên cổng",
                                "correct": True,
                                "feedback": "Đúng. Sau khi đăng nhập, bạn xem được hồ sơ của mình.",
                            },
                            {
                                "key": "c",
                                "text": "Gọi lại số lạ vừa nhắn tin hứa giải quyết nhanh",
                                "correct": False,
                                "feedback": "Sai. Chỉ theo dõi trên cổng hoặc qua các kênh chính thức.",
                            },
                        ],
                        "explanation": "Dùng mã hồ sơ hoặc trang tài khoản của bạn trên cổng.",
                    },
                ),
            ],
        },
    ],
}
