"""Mua bán hàng trực tuyến an toàn: demo course content. Sources are named per lesson."""

COURSE = {
    "key": "mua-ban",
    "title": "Mua bán hàng trực tuyến an toàn",
    "summary": "Chọn nơi bán đáng tin, nhận hàng và trả tiền an toàn, tránh chiêu lừa giả người giao hàng. Người bán nhỏ biết cách nhận tiền an toàn và quy định mới về hóa đơn điện tử, thuế.",
    "audience": "Dành cho: người mua hàng qua mạng và hộ buôn bán nhỏ mới bắt đầu bán hàng trực tuyến.",
    "estimated_minutes": 15,
    "skills": ["mua-sam", "an-toan"],
    "cover": {"label": "Mua bán", "color": "#065f46"},
    "lessons": [
        {
            "key": "chon-noi-ban",
            "title": "Chọn nơi bán đáng tin",
            "intro": "Trước khi đặt hàng, hãy xem trang bán và người bán có đáng tin không. Chỉ mất vài phút nhưng giúp bạn tránh mất tiền.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Hiệp hội Bán lẻ, hướng dẫn mua sắm trực tuyến an toàn",
                    "date": "",
                    "url": "https://hiephoibanle.com.vn/huong-dan-mua-sam-truc-tuyen-an-toan",
                },
                {
                    "name": "Truyền hình Thanh Hóa, Bộ Công Thương cảnh báo",
                    "date": "01/02/2024",
                    "url": "https://truyenhinhthanhhoa.vn/nguoi-tieu-dung-can-can-trong-khi-tham-gia-mua-sam-truc-tuyen-180240201092221996.htm",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Xem trang bán đã đăng ký chưa",
                        "text": "Trang thương mại điện tử đã đăng ký có biểu tượng «Đã đăng ký với Bộ Công Thương». Bấm vào biểu tượng đó để kiểm tra. Bạn cũng có thể tra tại online.gov.vn, cổng quản lý thương mại điện tử của Bộ Công Thương.",
                        "card": "Tra trang bán tại online.gov.vn",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Xem thông tin người bán",
                        "text": "Đọc tên, địa chỉ của người bán. Đọc nhận xét của những người đã mua trước.",
                        "card": "Đọc thông tin và nhận xét",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Cẩn thận với giá rẻ bất thường",
                        "text": "Hàng rẻ hơn nhiều so với giá ngoài chợ là dấu hiệu cần xem kỹ. Đừng vội đặt chỉ vì giá rẻ.",
                        "card": "Rẻ bất thường: xem kỹ trước khi mua",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Mua qua livestream: nghĩ kỹ rồi mới chốt đơn",
                        "text": "Bộ Công Thương cảnh báo có hàng giả, hàng không rõ nguồn gốc được bán qua livestream. Hãy cân nhắc kỹ trước khi chốt đơn.",
                        "card": "Livestream: cân nhắc trước khi chốt",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Bạn muốn biết một trang bán hàng đã đăng ký với Bộ Công Thương chưa. Bạn tra ở đâu?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Trang online.gov.vn.",
                                "correct": True,
                                "feedback": "Đúng. Đây là cổng quản lý thương mại điện tử của Bộ Công Thương.",
                            },
                            {
                                "key": "b",
                                "text": "Hỏi chính người bán qua tin nhắn.",
                                "correct": False,
                                "feedback": "Người bán nói gì cũng được. Hãy tự tra ở nguồn chính thức.",
                            },
                            {
                                "key": "c",
                                "text": "Xem trang đó có nhiều quảng cáo không.",
                                "correct": False,
                                "feedback": "Quảng cáo nhiều không cho biết trang đã đăng ký hay chưa.",
                            },
                        ],
                        "explanation": "Bấm vào biểu tượng «Đã đăng ký với Bộ Công Thương» hoặc tra tại online.gov.vn.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": "Hàng rẻ hơn nhiều so với giá ngoài chợ là dấu hiệu nên xem kỹ trước khi mua.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": True,
                                "feedback": "Chính xác. Giá rẻ bất thường là lý do để cẩn thận hơn.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": False,
                                "feedback": "Giá rẻ bất thường là dấu hiệu nên kiểm tra người bán kỹ hơn.",
                            },
                        ],
                        "explanation": "Xem thông tin người bán, nhận xét và giá cả trước khi đặt hàng.",
                    },
                ),
            ],
        },
        {
            "key": "nhan-hang-tra-tien",
            "title": "Đặt hàng, nhận hàng và trả tiền an toàn",
            "intro": "Mua trên sàn thì giữ mọi việc trên sàn. Khi trả tiền, xem kỹ người nhận tiền là ai.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "VietNamNet, Cục Cạnh tranh và Bảo vệ người tiêu dùng",
                    "date": "2021",
                    "url": "https://vietnamnet.vn/vn/kinh-doanh/thi-truong/nhung-chieu-lua-mua-hang-online-761472.html",
                },
                {
                    "name": "Người Lao Động, hệ thống SIMO của Ngân hàng Nhà nước",
                    "date": "02/02/2026",
                    "url": "https://nld.com.vn/ngan-chan-hon-26-trieu-giao-dich-ngan-hang-dang-ngo-196260202172826613.htm",
                },
                {
                    "name": "VietNamNet",
                    "date": "15/02/2026",
                    "url": "https://vietnamnet.vn/ngan-hang-canh-bao-thu-doan-lua-dao-lien-ket-vi-apple-google-2490429.html",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Giữ giao dịch trên sàn",
                        "text": "Đặt hàng, nhắn tin và trả tiền ngay trên sàn. Nếu đơn bị hủy rồi có người lạ nhắn xin giao hàng bên ngoài sàn, hãy từ chối. Khi có tranh chấp, sàn không giải quyết những giao dịch ngoài sàn.",
                        "card": "Mua trên sàn, trả tiền trên sàn",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Đối chiếu với đơn trong ứng dụng",
                        "text": "Khi người giao hàng đến, mở ứng dụng sàn xem đơn. Chỉ nhận và trả tiền cho đơn bạn đã đặt.",
                        "card": "Xem đơn trong ứng dụng trước khi trả",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Chuyển khoản: xem tên người nhận",
                        "text": "Khi quét mã QR để trả tiền, xem tên người nhận và số tài khoản hiện trên màn hình. Không khớp với người bán thì dừng lại.",
                        "card": "Xem tên người nhận trước khi chuyển",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Ngân hàng cảnh báo thì dừng",
                        "text": "Ngân hàng có thể hiện cảnh báo khi tài khoản nhận tiền nằm trong danh sách đáng ngờ. Thấy cảnh báo, hãy hủy giao dịch.",
                        "card": "Có cảnh báo: hủy chuyển tiền",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Không đọc mã OTP cho ai",
                        "text": "Ngân hàng không bao giờ hỏi mã OTP. Người giao hàng hay người bán cũng không cần mã này. Tin nhắn OTP có ghi rõ mã dùng để làm gì, hãy đọc kỹ.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Đơn hàng trên sàn của bạn bị hủy. Sau đó có người nhắn tin xin giao hàng bên ngoài sàn, giá rẻ hơn. Bạn làm gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Từ chối và chỉ mua qua sàn.",
                                "correct": True,
                                "feedback": "Đúng. Giao dịch ngoài sàn sẽ không được sàn giải quyết khi có tranh chấp.",
                            },
                            {
                                "key": "b",
                                "text": "Đồng ý vì được giá rẻ hơn.",
                                "correct": False,
                                "feedback": "Nếu có chuyện, sàn không giúp được bạn. Cục Cạnh tranh và Bảo vệ người tiêu dùng đã cảnh báo chiêu này.",
                            },
                            {
                                "key": "c",
                                "text": "Chuyển tiền trước cho người đó để giữ hàng.",
                                "correct": False,
                                "feedback": "Chuyển tiền ngoài sàn cho người lạ rất dễ mất tiền.",
                            },
                        ],
                        "explanation": "Giữ mọi giao dịch trên sàn để được bảo vệ.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Khi quét mã QR để trả tiền, bạn nên làm gì? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Xem tên người nhận có khớp với người bán không.",
                                "correct": True,
                                "feedback": "Đúng. Không khớp thì dừng lại.",
                            },
                            {
                                "key": "b",
                                "text": "Hủy giao dịch nếu ngân hàng hiện cảnh báo tài khoản đáng ngờ.",
                                "correct": True,
                                "feedback": "Đúng. Cảnh báo này giúp bạn tránh chuyển tiền cho kẻ gian.",
                            },
                            {
                                "key": "c",
                                "text": "Đọc mã OTP cho người giao hàng để họ xác nhận.",
                                "correct": False,
                                "feedback": "Không bao giờ đọc mã OTP cho ai, kể cả người giao hàng.",
                            },
                        ],
                        "explanation": "Xem kỹ người nhận, để ý cảnh báo của ngân hàng, giữ kín mã OTP.",
                    },
                ),
            ],
        },
        {
            "key": "gia-shipper",
            "title": "Chiêu lừa giả người giao hàng",
            "intro": "Kẻ gian biết tên bạn và cả đơn hàng bạn đang chờ, nên cuộc gọi nghe rất thật. Bài này giúp bạn nhận ra và từ chối.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "CafeF, Vietnam Post cảnh báo",
                    "date": "27/10/2025",
                    "url": "https://cafef.vn/them-thu-doan-lua-dao-moi-chua-tung-xuat-hien-lien-quan-den-ship-hang-188251027210127076.chn",
                },
                {
                    "name": "CafeF",
                    "date": "14/12/2025",
                    "url": "https://cafef.vn/bay-5000-dong-tu-shipper-gia-mao-nhieu-nguoi-suyt-sap-bay-188251214132636164.chn",
                },
                {
                    "name": "Kenh14",
                    "date": "18/12/2025",
                    "url": "https://kenh14.vn/gan-tet-lua-dao-shipper-tung-kich-ban-chua-tung-co-truoc-day-nguoi-nghe-tu-roi-vao-bay-chi-sau-vai-phut-215251217150223999.chn",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Nhận ra chiêu “phí xuất kho”",
                        "text": "Người xưng là shipper đòi bạn chuyển khoản một khoản nhỏ, từ 5.000 đến 20.000 đồng, gọi là “phí xuất kho” hay “phí in phiếu”. Vietnam Post đã cảnh báo chiêu này. Đừng chuyển.",
                        "card": "Đòi “phí xuất kho”: không chuyển",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Không bấm link “lỗi giao dịch”",
                        "text": "Sau khoản tiền nhỏ, kẻ gian gửi link báo “lỗi giao dịch”. Link này lấy tên đăng nhập ngân hàng và mã OTP của bạn.",
                        "card": "Link “lỗi giao dịch”: không bấm",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Cẩn thận chiêu “tài khoản nội bộ”",
                        "text": "Kẻ gian báo đơn hàng bị chuyển nhầm vào tài khoản nội bộ, bạn sẽ bị trừ tiền hàng tháng. Họ đưa số tổng đài giả, rồi tổng đài giả lại gửi link.",
                        "card": "“Bị trừ tiền hàng tháng”: lừa đảo",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tự kiểm tra đơn hàng",
                        "text": "Cúp máy. Tự mở ứng dụng sàn để xem đơn, hoặc tự gọi số tổng đài chính thức. Không gọi số do người lạ đưa.",
                        "card": "Tự xem đơn trong ứng dụng sàn",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Khoản tiền nhỏ là mồi nhử",
                        "text": "Vài nghìn đồng nghe có vẻ không đáng gì. Nhưng kẻ gian dùng nó để dẫn bạn tới link giả và lấy hết tiền trong tài khoản.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "true_false",
                        "prompt": "Người gọi biết đúng tên bạn và đơn hàng bạn đang chờ, nên chắc chắn là shipper thật.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không đúng. Kẻ gian có thể biết tên và đơn hàng của bạn.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Biết thông tin của bạn không có nghĩa là người thật.",
                            },
                        ],
                        "explanation": "Hãy tự kiểm tra đơn trong ứng dụng sàn, đừng tin chỉ vì họ biết tên bạn.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "single",
                        "prompt": "Một người xưng shipper gọi đến, đòi bạn chuyển 10.000 đồng “phí xuất kho” thì mới giao hàng. Bạn làm gì?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Từ chối, cúp máy và tự xem đơn trong ứng dụng sàn.",
                                "correct": True,
                                "feedback": "Đúng. Vietnam Post đã cảnh báo chiêu đòi “phí xuất kho”.",
                            },
                            {
                                "key": "b",
                                "text": "Chuyển luôn vì chỉ có 10.000 đồng.",
                                "correct": False,
                                "feedback": "Khoản nhỏ là mồi để dẫn bạn tới link lấy tiền.",
                            },
                            {
                                "key": "c",
                                "text": "Bấm link họ gửi để trả phí cho nhanh.",
                                "correct": False,
                                "feedback": "Link này dùng để lấy thông tin ngân hàng và mã OTP của bạn.",
                            },
                        ],
                        "explanation": "Không chuyển “phí xuất kho”, không bấm link, tự kiểm tra đơn.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "multiple",
                        "prompt": "Những lời nào cho thấy đó là shipper giả? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "“Anh chị chuyển giúp phí in phiếu thì em mới giao được.”",
                                "correct": True,
                                "feedback": "Đúng. Đòi phí in phiếu, phí xuất kho là dấu hiệu lừa đảo.",
                            },
                            {
                                "key": "b",
                                "text": "“Giao dịch bị lỗi, anh chị bấm vào link này để làm lại.”",
                                "correct": True,
                                "feedback": "Đúng. Link “lỗi giao dịch” dùng để lấy mã OTP.",
                            },
                            {
                                "key": "c",
                                "text": "“Đơn bị chuyển vào tài khoản nội bộ, anh chị sẽ bị trừ tiền hàng tháng.”",
                                "correct": True,
                                "feedback": "Đúng. Đây là chiêu mới đã được báo chí cảnh báo.",
                            },
                            {
                                "key": "d",
                                "text": "Bạn tự mở ứng dụng sàn và thấy đơn đang được giao.",
                                "correct": False,
                                "feedback": "Đây là cách tự kiểm tra an toàn, không phải dấu hiệu lừa đảo.",
                            },
                        ],
                        "explanation": "Đòi phí nhỏ, gửi link, dọa trừ tiền là ba dấu hiệu của shipper giả.",
                    },
                ),
            ],
        },
        {
            "key": "nguoi-ban-nhan-tien",
            "title": "Người bán nhỏ: nhận tiền an toàn",
            "intro": "Người bán hàng cũng bị lừa: ảnh chuyển khoản giả, mã QR bị dán đè, tiền “chuyển nhầm”. Bài này giúp bạn giữ tiền hàng của mình.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "VnExpress",
                    "date": "2023",
                    "url": "https://vnexpress.net/ro-chieu-tro-mua-hang-bang-giao-dich-chuyen-khoan-gia-4594437.html",
                },
                {
                    "name": "Lao Động",
                    "date": "02/10/2023",
                    "url": "https://amp.laodong.vn/xa-hoi/chu-quan-o-ha-noi-tu-quet-ma-qr-moi-ngay-de-phong-bi-dan-de-chiem-doat-tien-1249143.ldo",
                },
                {
                    "name": "Người Lao Động, Công an TP.HCM",
                    "date": "23/03/2024",
                    "url": "http://m.nld.com.vn/cong-an-tp-hcm-canh-bao-chieu-lua-moi-nhat-cac-chu-quan-an-can-biet-196240323162248668.htm",
                },
                {
                    "name": "Soha, VPBank cảnh báo",
                    "date": "16/08/2025",
                    "url": "https://soha.vn/nhan-duoc-tien-chuyen-khoan-ngan-hang-lon-canh-bao-khong-chuyen-tra-lai-trong-truong-hop-sau-198250815230244237.htm",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Tiền vào tài khoản rồi mới giao hàng",
                        "text": "Có kẻ đưa ảnh chuyển khoản thành công nhưng là ảnh giả. Loại ảnh giả này được bán trên mạng với giá 45.000 đến 100.000 đồng. Hãy mở ứng dụng ngân hàng của chính bạn, thấy tiền đã vào rồi mới giao hàng.",
                        "card": "Xem tài khoản của mình, không xem máy khách",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Giữ mã QR của quầy",
                        "text": "Kẻ gian có thể dán mã QR giả đè lên mã của bạn, tiền khách trả sẽ vào tài khoản khác. Chỉ để một mã QR ở quầy, in trên bảng lớn cố định hoặc mang theo người.",
                        "card": "Chỉ một mã QR, để ở quầy",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tự quét mã QR của mình mỗi ngày",
                        "text": "Mỗi ngày, tự quét thử mã QR của quầy để xem tên hiện ra có đúng là bạn không. Để ý thông báo số dư mỗi khi khách trả tiền.",
                        "card": "Quét thử mã QR mỗi ngày",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Tiền “chuyển nhầm”: không tự trả lại",
                        "text": "Người lạ chuyển tiền vào tài khoản của bạn rồi gọi đòi lại, có khi đòi nhiều hơn hoặc bảo chuyển sang tài khoản khác. Đừng tiêu số tiền đó và đừng chuyển lại theo lời họ. Báo ngân hàng và công an, chỉ trả lại qua ngân hàng.",
                        "card": "Tiền lạ vào tài khoản: báo ngân hàng",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Khách đưa bạn xem ảnh màn hình báo đã chuyển khoản thành công. Bạn làm gì trước khi giao hàng?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Mở ứng dụng ngân hàng của mình xem tiền đã vào chưa.",
                                "correct": True,
                                "feedback": "Đúng. Chỉ tin vào tài khoản của chính bạn.",
                            },
                            {
                                "key": "b",
                                "text": "Giao hàng ngay vì đã thấy ảnh chuyển khoản.",
                                "correct": False,
                                "feedback": "Ảnh có thể là giả. Khi đó ngân hàng không giúp được vì không hề có giao dịch.",
                            },
                            {
                                "key": "c",
                                "text": "Chụp lại ảnh đó để làm bằng chứng rồi giao hàng.",
                                "correct": False,
                                "feedback": "Ảnh giả không lấy lại được tiền. Hãy xem tài khoản của mình trước.",
                            },
                        ],
                        "explanation": "Người bán phải tự xem tài khoản của mình trước khi giao hàng.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "multiple",
                        "prompt": "Làm gì để tránh bị dán đè mã QR giả? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Tự quét thử mã QR của quầy mỗi ngày.",
                                "correct": True,
                                "feedback": "Đúng. Bạn sẽ phát hiện sớm nếu tên hiện ra không phải của mình.",
                            },
                            {
                                "key": "b",
                                "text": "Để ý thông báo số dư mỗi khi khách trả tiền.",
                                "correct": True,
                                "feedback": "Đúng. Không thấy tiền vào là phải kiểm tra ngay.",
                            },
                            {
                                "key": "c",
                                "text": "Dán thật nhiều mã QR khắp quán cho khách tiện quét.",
                                "correct": False,
                                "feedback": "Nhiều mã khó kiểm soát. Công an khuyên chỉ để một mã ở quầy.",
                            },
                        ],
                        "explanation": "Một mã QR, kiểm tra mỗi ngày, theo dõi thông báo số dư.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "true_false",
                        "prompt": "Người lạ chuyển nhầm tiền rồi gọi đòi, bạn nên chuyển trả ngay vào số tài khoản họ đưa.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không nên. Đây có thể là chiêu lừa, họ còn có thể đòi thêm tiền.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Báo ngân hàng và công an, chỉ trả lại qua ngân hàng.",
                            },
                        ],
                        "explanation": "Không tiêu, không tự chuyển trả; để ngân hàng xử lý.",
                    },
                ),
            ],
        },
        {
            "key": "hoa-don-thue",
            "title": "Hóa đơn điện tử và thuế cho hộ kinh doanh",
            "intro": "Từ năm 2025 và 2026 có quy định mới về hóa đơn điện tử và thuế cho hộ kinh doanh. Bài này nói những điều đã có nguồn rõ ràng.",
            "estimated_minutes": 3,
            "sources": [
                {
                    "name": "Lao Động, hộ kinh doanh doanh thu trên 1 tỷ phải lập hóa đơn",
                    "date": "2025",
                    "url": "https://news.laodong.vn/kinh-doanh/ho-kinh-doanh-co-doanh-thu-tren-1-ti-dong-bat-buoc-lap-hoa-don-ban-hang-1624026.ldo",
                },
                {
                    "name": "Lao Động, 7 quy định mới cho hộ kinh doanh",
                    "date": "05/2025",
                    "url": "https://news.laodong.vn/doanh-nghiep-doanh-nhan/7-quy-dinh-moi-ho-kinh-doanh-can-biet-truoc-ngay-16-1507980.ldo",
                },
                {
                    "name": "Lao Động, 3 trường hợp không bắt buộc dùng hóa đơn từ máy tính tiền",
                    "date": "2025",
                    "url": "https://news.laodong.vn/kinh-doanh/3-truong-hop-khong-bat-buoc-dung-hoa-don-dien-tu-tu-may-tinh-tien-1523591.ldo",
                },
                {
                    "name": "xe.today, tóm tắt thông tin của Cục Thuế",
                    "date": "18/06/2025",
                    "url": "https://xe.today/2025/06/18/the-capitals-commerce-conundrum-unraveling-the-truth-behind-the-shuttering-of-thousands-of-businesses",
                },
                {
                    "name": "vietnam.vn, theo Báo Quảng Ninh",
                    "date": "2025",
                    "url": "https://www.vietnam.vn/en/ho-kinh-doanh-duoi-200-trieu-dong-nam-duoc-mien-thue-nhung-can-luu-y-cac-quy-dinh-bat-buoc",
                },
                {
                    "name": "Báo Gia Lai, cảnh báo mạo danh cơ quan Thuế",
                    "date": "16/01/2026",
                    "url": "https://baogialai.com.vn/canh-bao-tinh-trang-mao-danh-co-quan-thue-de-lua-dao-chiem-doat-tai-san-post577521.html",
                },
            ],
            "body": [
                (
                    "step",
                    {
                        "title": "Xem mình có thuộc diện phải dùng hóa đơn từ máy tính tiền",
                        "text": "Nghị định 70/2025/NĐ-CP ngày 20/3/2025, có hiệu lực từ 1/6/2025, yêu cầu một số hộ, cá nhân kinh doanh dùng hóa đơn điện tử khởi tạo từ máy tính tiền. Đó là hộ có doanh thu từ 1 tỷ đồng một năm trở lên, bán thẳng cho người tiêu dùng trong các ngành như siêu thị, bán lẻ, ăn uống, nhà hàng, khách sạn, chở khách.",
                        "card": "Doanh thu từ 1 tỷ/năm, bán lẻ trực tiếp",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Không phải hộ nào cũng phải làm",
                        "text": "Theo Cục Thuế, chỉ khoảng 1% hộ kinh doanh thuộc diện này. Hộ không phải đăng ký kinh doanh, như gánh hàng rong, buôn chuyến, làm nông, lâm, ngư nghiệp, không bắt buộc. Đừng vội đóng cửa hàng vì hiểu nhầm.",
                        "card": "Chỉ khoảng 1% hộ thuộc diện",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Không cần mua máy tính tiền",
                        "text": "Nếu thuộc diện, bạn chỉ cần phần mềm trên điện thoại, máy tính bảng hoặc máy tính có gửi dữ liệu tới cơ quan thuế. Có nhiều nhà cung cấp phần mềm như vậy.",
                        "card": "Dùng phần mềm trên điện thoại cũng được",
                    },
                ),
                (
                    "step",
                    {
                        "title": "Thuế khoán sắp thay đổi từ 1/1/2026",
                        "text": "Theo Báo Quảng Ninh, Nghị quyết 198/2025/QH15 quy định từ 1/1/2026 hộ kinh doanh không nộp thuế khoán nữa. Hộ sẽ tự khai, tự tính, tự nộp thuế theo doanh thu thực tế. Mức doanh thu phải nộp thuế còn đang được hướng dẫn, hãy hỏi cơ quan thuế nơi bạn kinh doanh.",
                        "card": "Từ 1/1/2026: tự khai, tự nộp thuế",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "scam",
                        "title": "Coi chừng kẻ giả cán bộ thuế",
                        "text": "Kẻ gian gọi điện, nhắn tin bảo “cập nhật eTax”, “hoàn thuế”. Ứng dụng điện thoại duy nhất của ngành Thuế là eTax Mobile. Cơ quan thuế không hỏi OTP, mật khẩu qua điện thoại và không bảo cài tệp .apk.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q1",
                        "kind": "single",
                        "prompt": "Theo Nghị định 70/2025/NĐ-CP, ai phải dùng hóa đơn điện tử khởi tạo từ máy tính tiền?",
                        "options": [
                            {
                                "key": "a",
                                "text": "Hộ bán thẳng cho người tiêu dùng trong các ngành được nêu, doanh thu từ 1 tỷ đồng một năm trở lên.",
                                "correct": True,
                                "feedback": "Đúng. Chỉ hộ đủ các điều kiện này mới bắt buộc.",
                            },
                            {
                                "key": "b",
                                "text": "Tất cả hộ kinh doanh, kể cả gánh hàng rong.",
                                "correct": False,
                                "feedback": "Không đúng. Gánh hàng rong và hộ không phải đăng ký kinh doanh không bắt buộc.",
                            },
                            {
                                "key": "c",
                                "text": "Chỉ người bán hàng qua livestream.",
                                "correct": False,
                                "feedback": "Quy định dựa vào doanh thu và ngành nghề, không dựa vào cách bán.",
                            },
                        ],
                        "explanation": "Theo Cục Thuế, chỉ khoảng 1% hộ kinh doanh thuộc diện này.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q2",
                        "kind": "true_false",
                        "prompt": "Hộ thuộc diện dùng hóa đơn điện tử bắt buộc phải mua máy tính tiền riêng.",
                        "options": [
                            {
                                "key": "true",
                                "text": "Đúng",
                                "correct": False,
                                "feedback": "Không đúng. Phần mềm trên điện thoại hay máy tính có gửi dữ liệu tới cơ quan thuế là đủ.",
                            },
                            {
                                "key": "false",
                                "text": "Sai",
                                "correct": True,
                                "feedback": "Chính xác. Không cần mua máy riêng.",
                            },
                        ],
                        "explanation": "Có nhiều nhà cung cấp phần mềm dùng được trên điện thoại.",
                    },
                ),
                (
                    "question",
                    {
                        "key": "q3",
                        "kind": "multiple",
                        "prompt": "Những điều nào đúng về cơ quan thuế thật? (Chọn tất cả ý đúng)",
                        "options": [
                            {
                                "key": "a",
                                "text": "Ứng dụng điện thoại duy nhất của ngành Thuế là eTax Mobile.",
                                "correct": True,
                                "feedback": "Đúng. Ứng dụng thuế khác gửi qua link là giả.",
                            },
                            {
                                "key": "b",
                                "text": "Cơ quan thuế không hỏi mã OTP, mật khẩu qua điện thoại.",
                                "correct": True,
                                "feedback": "Đúng. Ai hỏi OTP đều là kẻ gian.",
                            },
                            {
                                "key": "c",
                                "text": "Cơ quan thuế gửi tệp .apk qua Zalo để bạn cài.",
                                "correct": False,
                                "feedback": "Không đúng. Cơ quan thuế không bao giờ bảo cài tệp .apk.",
                            },
                        ],
                        "explanation": "Gặp lời mời cài ứng dụng thuế qua link, hãy từ chối và hỏi trực tiếp cơ quan thuế.",
                    },
                ),
            ],
        },
    ],
}
